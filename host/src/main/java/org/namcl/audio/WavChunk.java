package org.namcl.audio;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A RIFF chunk of a WAV file other than the audio's own: a four-character id and its bytes.
 * Readers skip chunks they do not know.
 */
public record WavChunk(String id, byte[] data) {
    /** Keeps the header's 32-bit arithmetic far from overflowing. */
    public static final int MAX_BYTES = 1 << 20;

    /**
     * Checks the id and the size.
     *
     * @param id four ASCII characters
     * @param data the body, at most {@link #MAX_BYTES}
     */
    public WavChunk {
        Objects.requireNonNull(data, "data");
        if (id.length() != 4 || !StandardCharsets.US_ASCII.newEncoder().canEncode(id)) {
            throw new IllegalArgumentException("a chunk id has four ASCII characters: " + id);
        }
        if (data.length > MAX_BYTES) {
            throw new IllegalArgumentException("chunk " + id + " is too large: " + data.length + " bytes");
        }
    }

    /** Bytes it takes in the file: id, size, data and the pad byte that keeps chunks at even offsets. */
    int fileBytes() {
        return 8 + data.length + (data.length & 1);
    }
}
