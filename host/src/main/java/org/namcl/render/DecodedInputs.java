package org.namcl.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.namcl.engine.ArraySignal;
import org.namcl.engine.SignalSource;

/**
 * Short inputs as the models hear them (mixed, gained, resampled), kept in memory once decoded,
 * so a file that goes through many models is read and decoded once, not once per model. Bounded:
 * at most {@code maxBytes} of samples, least recently used out; long files are never kept (they
 * are streamed from disk for each model).
 */
final class DecodedInputs {
    /** What the cache may hold. */
    static final long DEFAULT_BYTES = 256L << 20;

    /** An input at one model rate (the other preparation options are the run's, the same for all). */
    record Key(Path file, int modelRate) {
    }

    private final long maxBytes;
    private final long maxFrames;
    private final Map<Key, float[][]> signals = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    /**
     * @param maxFrames inputs of at most this many model-rate frames per channel are kept
     */
    DecodedInputs(long maxBytes, long maxFrames) {
        this.maxBytes = maxBytes;
        this.maxFrames = maxFrames;
    }

    /** The kept signal, or null. */
    synchronized float[][] get(Key key) {
        return signals.get(key);
    }

    /** A source reading the kept signal. */
    static SignalSource replay(float[][] signal) {
        return ArraySignal.source(signal);
    }

    /** {@code decoding}, keeping what it yields under {@code key} when it ends short enough. */
    SignalSource keeping(Key key, ModelInput decoding) {
        return new SignalSource() {
            private float[][] kept = new float[decoding.channels()][1 << 12];
            private int length;

            @Override
            public int channels() {
                return decoding.channels();
            }

            @Override
            public int read(float[][] dst, int off, int n) throws IOException {
                int k = decoding.read(dst, off, n);
                if (kept == null || n == 0) {
                    return k;
                }
                if (length + k > maxFrames || (long) (length + k) * kept.length * Float.BYTES > maxBytes) {
                    kept = null; // too long to keep (however many channels it has)
                    return k;
                }
                for (int c = 0; c < kept.length; c++) {
                    if (length + k > kept[c].length) {
                        kept[c] = Arrays.copyOf(kept[c], (int) Math.min(maxFrames, Math.max(2L * kept[c].length, length + k)));
                    }
                    System.arraycopy(dst[c], off, kept[c], length, k);
                }
                length += k;
                if (k == 0) {
                    float[][] whole = new float[kept.length][];
                    for (int c = 0; c < whole.length; c++) {
                        whole[c] = Arrays.copyOf(kept[c], length);
                    }
                    put(key, whole);
                    kept = null;
                }
                return k;
            }
        };
    }

    private synchronized void put(Key key, float[][] signal) {
        long size = (long) signal.length * signal[0].length * Float.BYTES;
        if (size > maxBytes || signals.containsKey(key)) {
            return;
        }
        signals.put(key, signal);
        bytes += size;
        Iterator<float[][]> it = signals.values().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            float[][] s = it.next();
            bytes -= (long) s.length * s[0].length * Float.BYTES;
            it.remove();
        }
    }
}
