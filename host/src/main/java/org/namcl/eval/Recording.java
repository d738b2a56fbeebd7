package org.namcl.eval;

import java.io.IOException;
import java.nio.file.Path;
import org.namcl.audio.WavReader;

/**
 * A DI or a target, decoded whole once for every model that is scored on it: mono (several
 * channels are averaged, as {@code render --mix mono} does).
 */
public record Recording(Path file, float[] samples, int sampleRate) {

    /** @throws IOException (naming the file) when it cannot be read or is too long to hold */
    public static Recording read(Path file) throws IOException {
        try (WavReader reader = WavReader.open(file)) {
            long frames = reader.frames();
            if (frames > Integer.MAX_VALUE - 8) {
                throw new IOException(file + ": too long to evaluate (" + frames + " frames)");
            }
            int n = (int) frames;
            int channels = reader.format().channels();
            float[][] all = new float[channels][n];
            for (int at = 0; at < n; ) {
                int k = reader.read(all, at, n - at);
                if (k == 0) {
                    throw new IOException(file + ": ended after " + at + " of " + n + " frames");
                }
                at += k;
            }
            float[] mono = all[0];
            if (channels > 1) {
                for (int i = 0; i < n; i++) {
                    double sum = 0;
                    for (float[] c : all) {
                        sum += c[i];
                    }
                    mono[i] = (float) (sum / channels);
                }
            }
            return new Recording(file, mono, reader.format().sampleRate());
        }
    }
}
