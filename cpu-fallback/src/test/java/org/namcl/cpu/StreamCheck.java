package org.namcl.cpu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.namcl.model.GeneratedModel;

/** Streams a generated model through {@link WaveNetStreamer} and compares with its reference. */
final class StreamCheck {
    /**
     * The engine computes in float32 (relative rounding 6e-8 per operation); an output of these
     * tiny models is a few dozen multiply-adds and activations deep over values of order 1, which
     * keeps its rounding error near 1e-6. A wrong weight, tap or gating changes outputs by 1e-2
     * or more, so 1e-5 tells the two apart with margin either way.
     */
    static final double FLOAT32_FORWARD_TOLERANCE = 1e-5;
    /** Long enough to wrap every layer history (stride ≥ 8·128 + look-back) at least twice. */
    static final int SIGNAL_LENGTH = 3000;
    /** Block sizes cycled through: single samples, odd sizes, and more than one internal block. */
    private static final int[] BLOCKS = {1, 7, 64, 129, 300, 1000};
    /** The outputs must be at least this large somewhere, or the comparison would prove little. */
    private static final double MIN_PEAK = 0.05;

    private StreamCheck() {
    }

    /** Uniform noise in ±amplitude. */
    static float[] noise(int n, long seed, double amplitude) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) ((2 * r.nextDouble() - 1) * amplitude);
        }
        return x;
    }

    /** Runs {@code in} through the streamer in blocks of the given sizes (cycled). */
    static float[] stream(WaveNetStreamer s, float[] in, int... blocks) {
        float[] out = new float[in.length];
        for (int done = 0, b = 0; done < in.length; b++) {
            int n = Math.min(blocks[b % blocks.length], in.length - done);
            s.process(in, done, out, done, n);
            done += n;
        }
        return out;
    }

    /**
     * Streams a noise signal through the model in varied block sizes and checks the largest
     * |streamed − reference| against {@link #FLOAT32_FORWARD_TOLERANCE} (after checking the
     * output is large enough for that to mean something).
     */
    static void assertMatchesReference(GeneratedModel m) {
        float[] in = noise(SIGNAL_LENGTH, 42, 0.8);
        double[] inD = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            inD[i] = in[i];
        }
        double[] expected = m.reference().process(inD);
        float[] actual = stream(new WaveNetStreamer(m.net()), in, BLOCKS);
        double err = 0;
        double peak = 0;
        for (int i = 0; i < in.length; i++) {
            err = Math.max(err, Math.abs(actual[i] - expected[i]));
            peak = Math.max(peak, Math.abs(expected[i]));
        }
        assertTrue(peak > MIN_PEAK, "reference output too small to compare: peak " + peak);
        assertTrue(err <= FLOAT32_FORWARD_TOLERANCE, "max |streamer − reference| = " + err);
    }
}
