package org.namcl.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.namcl.engine.ArraySignal;
import org.namcl.engine.SignalSource;

/**
 * Inputs as the models hear them (mixed, gained, resampled), kept in memory once decoded, so a
 * file that goes through many models is read and decoded once, not once per model, however long
 * it is. Bounded: kept signals and the copies being made while decoding share one byte budget;
 * an input that does not fit is streamed from disk for each model instead.
 *
 * <p>Kept inputs are never evicted: a run renders model by model, each model going through the
 * same inputs in the same order, and on such a cyclic scan a least-recently-used cache smaller
 * than the inputs would evict every input just before it is needed again. Keeping the first
 * inputs that fit serves those to every later model.
 */
final class DecodedInputs {
    /** What a run keeps: 256 MiB, or an eighth of the heap when that is less. */
    static long defaultBytes() {
        return Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 8);
    }

    /**
     * An input at one model rate with one tail of silence (the tail follows the model's receptive
     * field; the other preparation options are the run's, the same for all).
     */
    record Key(Path file, int modelRate, long tailFrames) {
    }

    /** The longest array Java allocates. */
    private static final long MAX_FRAMES = Integer.MAX_VALUE - 8;

    private final long maxBytes;
    private final Map<Key, float[][]> signals = new HashMap<>();
    /** Keys being copied now: a second decoding of the same input does not copy it again. */
    private final Set<Key> copying = new HashSet<>();
    /** Bytes held by kept signals and by the copies in progress. */
    private long bytes;

    DecodedInputs(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The kept signal, or null. */
    synchronized float[][] get(Key key) {
        return signals.get(key);
    }

    /** A source reading the kept signal. */
    static SignalSource replay(float[][] signal) {
        return ArraySignal.source(signal);
    }

    /** {@code decoding}, keeping what it yields under {@code key} when it fits the budget. */
    InputSource keeping(Key key, ModelInput decoding) {
        return startCopy(key) ? new Copying(key, decoding) : decoding;
    }

    private synchronized boolean startCopy(Key key) {
        return !signals.containsKey(key) && copying.add(key);
    }

    /** Takes {@code n} bytes from the budget, or none and false. */
    private synchronized boolean reserve(long n) {
        if (bytes + n > maxBytes) {
            return false;
        }
        bytes += n;
        return true;
    }

    private synchronized void endCopy(Key key, long reserved, float[][] whole) {
        copying.remove(key);
        bytes -= reserved;
        if (whole != null) {
            signals.put(key, whole);
            bytes += (long) whole.length * whole[0].length * Float.BYTES;
        }
    }

    /** Reads through {@code decoding}, copying the samples while the budget allows. */
    private final class Copying implements InputSource {
        private final Key key;
        private final ModelInput decoding;
        private float[][] kept;
        private int length;
        /** Bytes taken from the budget for {@code kept}. */
        private long reserved;

        Copying(Key key, ModelInput decoding) {
            this.key = key;
            this.decoding = decoding;
            this.kept = new float[decoding.channels()][0];
        }

        @Override
        public int channels() {
            return decoding.channels();
        }

        @Override
        public int read(float[][] dst, int off, int n) throws IOException {
            int k;
            try {
                k = decoding.read(dst, off, n);
            } catch (IOException | RuntimeException e) {
                drop();
                throw e;
            }
            if (kept == null || n == 0) {
                return k;
            }
            if (k == 0) {
                float[][] whole = kept;
                kept = null;
                if (whole[0].length != length) {
                    for (int c = 0; c < whole.length; c++) {
                        whole[c] = Arrays.copyOf(whole[c], length);
                    }
                }
                endCopy(key, reserved, whole);
                return 0;
            }
            if (!grow(length + k)) {
                drop();
                return k;
            }
            for (int c = 0; c < kept.length; c++) {
                System.arraycopy(dst[c], off, kept[c], length, k);
            }
            length += k;
            return k;
        }

        /** Room for {@code frames} per channel, reserved from the budget first. */
        private boolean grow(long frames) {
            if (frames <= kept[0].length) {
                return true;
            }
            if (frames > MAX_FRAMES) {
                return false;
            }
            long capacity = Math.max(frames, Math.min(MAX_FRAMES, 2L * kept[0].length));
            // the old and the new copy live side by side while the copy is made
            long need = capacity * kept.length * Float.BYTES;
            if (!reserve(need)) {
                return false;
            }
            for (int c = 0; c < kept.length; c++) {
                kept[c] = Arrays.copyOf(kept[c], (int) capacity);
            }
            release(reserved);
            reserved = need;
            return true;
        }

        private void drop() {
            if (kept != null) {
                kept = null;
                endCopy(key, reserved, null);
            }
        }

        /** Closing before the end (a failed job) keeps nothing. */
        @Override
        public void close() throws IOException {
            drop();
            decoding.close();
        }
    }

    private synchronized void release(long n) {
        bytes -= n;
    }
}
