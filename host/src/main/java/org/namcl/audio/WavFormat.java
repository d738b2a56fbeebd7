package org.namcl.audio;

import java.util.Objects;

/** Channel count, sample rate and sample encoding of a WAV file. */
public record WavFormat(int channels, int sampleRate, SampleEncoding encoding) {

    /** The WAV header stores the channel count in 16 bits. */
    public static final int MAX_CHANNELS = 0xFFFF;

    /**
     * Checks the numbers.
     *
     * @param channels 1 to {@link #MAX_CHANNELS}
     * @param sampleRate in Hz, positive
     * @param encoding the sample encoding
     */
    public WavFormat {
        Objects.requireNonNull(encoding, "encoding");
        if (channels < 1 || channels > MAX_CHANNELS) {
            throw new IllegalArgumentException("channels must be 1.." + MAX_CHANNELS + ", got " + channels);
        }
        if (sampleRate < 1) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
    }

    /**
     * Bytes per frame (one sample of every channel).
     *
     * @return the header's block align
     */
    public int blockAlign() {
        return channels * encoding.bytes();
    }

    /**
     * Bytes per second.
     *
     * @return the header's byte rate
     */
    public long byteRate() {
        return (long) sampleRate * blockAlign();
    }

    /**
     * The same layout with another encoding, e.g. to write a float file in the input's shape.
     *
     * @param other the encoding
     * @return the format
     */
    public WavFormat withEncoding(SampleEncoding other) {
        return new WavFormat(channels, sampleRate, other);
    }

    @Override
    public String toString() {
        return channels + " ch, " + sampleRate + " Hz, " + encoding.cliName();
    }
}
