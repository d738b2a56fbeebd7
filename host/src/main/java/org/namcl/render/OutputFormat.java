package org.namcl.render;

import org.namcl.audio.SampleEncoding;

/** The sample encoding of rendered files: a fixed one, or the input file's own. */
public enum OutputFormat {
    F32(SampleEncoding.FLOAT32),
    PCM24(SampleEncoding.PCM24),
    PCM16(SampleEncoding.PCM16),
    SAME(null);

    private final SampleEncoding encoding;

    OutputFormat(SampleEncoding encoding) {
        this.encoding = encoding;
    }

    /** The encoding to write for an input stored as {@code input}. */
    public SampleEncoding encodingFor(SampleEncoding input) {
        return encoding != null ? encoding : input;
    }
}
