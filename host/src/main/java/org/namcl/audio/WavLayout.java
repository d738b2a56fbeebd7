package org.namcl.audio;

/**
 * Where the samples of a parsed WAV file are and how they are encoded.
 *
 * @param untilEnd whether the data runs to the end of a stream whose length is not known
 *                 ({@code dataBytes} is then only an upper bound)
 */
record WavLayout(WavFormat format, long dataOffset, long dataBytes, boolean untilEnd) {

    long frames() {
        return dataBytes / format.blockAlign();
    }
}
