package org.namcl.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads a whole WAV file through {@link WavReader} in blocks of a chosen size. */
final class ReadAll {

    private ReadAll() {
    }

    static float[][] read(Path file) throws IOException {
        return read(file, 4096);
    }

    static float[][] read(Path file, int blockFrames) throws IOException {
        try (WavReader reader = WavReader.open(file)) {
            int frames = Math.toIntExact(reader.frames());
            float[][] all = new float[reader.format().channels()][frames + 1];
            int done = 0;
            for (int n; (n = reader.read(all, done, Math.min(blockFrames, frames - done))) > 0; ) {
                done += n;
            }
            if (done != frames || reader.position() != frames || reader.read(all, done, 1) != 0) {
                throw new AssertionError("read " + done + " of " + frames + " frames");
            }
            for (int c = 0; c < all.length; c++) {
                all[c] = Arrays.copyOf(all[c], frames);
            }
            return all;
        }
    }
}
