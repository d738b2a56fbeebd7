package org.namcl.cpu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.namcl.model.GeneratedModel;
import org.namcl.testing.Tolerance;
import org.namcl.testing.Uniform;

/** Streams a generated model through {@link WaveNetStreamer} and compares with its reference. */
final class StreamCheck {
    /** Long enough to wrap every layer history (stride ≥ 8·128 + look-back) at least twice. */
    static final int SIGNAL_LENGTH = 3000;
    /** Block sizes cycled through: single samples, odd sizes, and more than one internal block. */
    private static final int[] BLOCKS = {1, 7, 64, 129, 300, 1000};
    /** The outputs must be at least this large somewhere, or the comparison would prove little. */
    private static final double MIN_PEAK = 0.05;

    private StreamCheck() {
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
     * |streamed − reference| against {@link Tolerance#FLOAT32_FORWARD} (after checking the
     * output is large enough for that to mean something).
     */
    static void assertMatchesReference(GeneratedModel m) {
        float[] in = new Uniform(42).values(SIGNAL_LENGTH, 0.8);
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
        assertTrue(err <= Tolerance.FLOAT32_FORWARD, "max |streamer − reference| = " + err);
    }
}
