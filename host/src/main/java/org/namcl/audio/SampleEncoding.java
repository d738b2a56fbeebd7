package org.namcl.audio;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How one sample is stored in a WAV data chunk. */
public enum SampleEncoding {
    /** Unsigned 8-bit PCM (the only unsigned WAV encoding), offset by 128. */
    PCM8(8, SampleEncoding.TAG_PCM, "pcm8"),
    /** Signed 16-bit PCM. */
    PCM16(16, SampleEncoding.TAG_PCM, "pcm16"),
    /** Signed 24-bit PCM. */
    PCM24(24, SampleEncoding.TAG_PCM, "pcm24"),
    /** Signed 32-bit PCM. */
    PCM32(32, SampleEncoding.TAG_PCM, "pcm32"),
    /** 32-bit IEEE float. */
    FLOAT32(32, SampleEncoding.TAG_IEEE_FLOAT, "f32"),
    /** 64-bit IEEE float. */
    FLOAT64(64, SampleEncoding.TAG_IEEE_FLOAT, "f64");

    /** WAVE_FORMAT_PCM. */
    public static final int TAG_PCM = 0x0001;
    /** WAVE_FORMAT_IEEE_FLOAT. */
    public static final int TAG_IEEE_FLOAT = 0x0003;

    private final int bits;
    private final int formatTag;
    private final String cliName;

    SampleEncoding(int bits, int formatTag, String cliName) {
        this.bits = bits;
        this.formatTag = formatTag;
        this.cliName = cliName;
    }

    /**
     * Bits per sample.
     *
     * @return the container size in bits
     */
    public int bits() {
        return bits;
    }

    /**
     * Bytes per sample.
     *
     * @return the container size in bytes
     */
    public int bytes() {
        return bits / 8;
    }

    /**
     * The basic WAVE format tag, also the GUID prefix in an extensible header.
     *
     * @return {@link #TAG_PCM} or {@link #TAG_IEEE_FLOAT}
     */
    public int formatTag() {
        return formatTag;
    }

    /**
     * Its name on namcl's command line.
     *
     * @return such as {@code pcm24} or {@code f32}
     */
    public String cliName() {
        return cliName;
    }

    /**
     * Whether it is floating point.
     *
     * @return true for IEEE float
     */
    public boolean isFloat() {
        return formatTag == TAG_IEEE_FLOAT;
    }

    /** The encoding for a format tag (PCM or IEEE float) and a container size, or null if unsupported. */
    static SampleEncoding of(int formatTag, int bits) {
        for (SampleEncoding e : values()) {
            if (e.formatTag == formatTag && e.bits == bits) {
                return e;
            }
        }
        return null;
    }

    /**
     * Parses a command-line name (case-insensitive).
     *
     * @param name such as {@code pcm24} or {@code f32}
     * @return the encoding
     */
    public static SampleEncoding fromCliName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (SampleEncoding e : values()) {
            if (e.cliName.equals(wanted)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown sample encoding '" + name + "', expected one of "
                + Arrays.stream(values()).map(SampleEncoding::cliName).collect(Collectors.joining(", ")));
    }
}
