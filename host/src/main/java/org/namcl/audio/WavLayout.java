package org.namcl.audio;

/** Where the samples of a parsed WAV file are and how they are encoded. */
record WavLayout(WavFormat format, long dataOffset, long dataBytes) {

    long frames() {
        return dataBytes / format.blockAlign();
    }
}
