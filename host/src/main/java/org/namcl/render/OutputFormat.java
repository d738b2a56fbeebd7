package org.namcl.render;

import org.namcl.audio.SampleEncoding;

/** The sample encoding of rendered files: a fixed one, or the input file's own. */
public enum OutputFormat {
    /** 32-bit float. */
    F32(SampleEncoding.FLOAT32),
    /** 24-bit PCM. */
    PCM24(SampleEncoding.PCM24),
    /** 16-bit PCM. */
    PCM16(SampleEncoding.PCM16),
    /** The input's own encoding. */
    SAME(null);

    private final SampleEncoding encoding;

    OutputFormat(SampleEncoding encoding) {
        this.encoding = encoding;
    }

    /**
     * The encoding to write for an input.
     *
     * @param input the input's encoding
     * @return the output's
     */
    public SampleEncoding encodingFor(SampleEncoding input) {
        return encoding != null ? encoding : input;
    }
}
