package org.namcl.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.namcl.testing.Tolerance;
import org.namcl.testing.Uniform;
import org.namcl.model.net.Conv1d;

/**
 * A {@link CausalConv} (a {@link History} plus its tap windows, read in place by the vector kernel and
 * copied out for the scalar one: the suite runs on both) fed block by block: the result
 * must equal the causal conv of the whole signal, zero before it, across the many moves of the
 * look-back to the front of the history's rows.
 */
class HistoryTest {
    private static final int ROWS = 2;
    private static final int K = 3;
    private static final int DILATION = 7;
    private static final int MAX_BLOCK = 16;
    /** Many times the history's row length, so its look-back is moved to the front many times. */
    private static final int LENGTH = 3000;

    private final Uniform random = new Uniform(3);
    private final Random blockSizes = new Random(4);
    private final float[] w = random.values(ROWS * K);
    private final List<History> state = new ArrayList<>();
    private final CausalConv conv = new CausalConv(new Conv1d(ROWS, 1, K, DILATION, 1, w, null), MAX_BLOCK, state);

    @Test
    void blockwiseConvOverHistoryEqualsWholeSignalConv() {
        float[][] x = {random.values(LENGTH), random.values(LENGTH)};
        float[] y = run(x, 0, LENGTH);
        for (int t = 0; t < LENGTH; t++) {
            double expected = 0;
            for (int r = 0; r < ROWS; r++) {
                for (int tap = 0; tap < K; tap++) {
                    int s = t - DILATION * (K - 1 - tap);
                    expected += s < 0 ? 0 : (double) w[r * K + tap] * x[r][s];
                }
            }
            assertEquals(expected, y[t], Tolerance.FLOAT32_SUM, "t " + t);
        }
    }

    @Test
    void restoreReturnsToTheSavedState() {
        float[][] x = {random.values(LENGTH), random.values(LENGTH)};
        run(x, 0, 500);
        state.forEach(History::save);
        float[] first = run(x, 500, 1000);
        state.forEach(History::restore);
        float[] again = run(x, 500, 1000);
        assertArrayEquals(first, again);
    }

    /** Feeds samples [from, to) in random block sizes up to MAX_BLOCK; returns the conv output. */
    private float[] run(float[][] x, int from, int to) {
        float[] y = new float[to - from];
        float[][] block = new float[ROWS][MAX_BLOCK];
        float[][] out = new float[1][MAX_BLOCK];
        for (int t = from; t < to; ) {
            int n = Math.min(1 + blockSizes.nextInt(MAX_BLOCK), to - t);
            for (int r = 0; r < ROWS; r++) {
                System.arraycopy(x[r], t, block[r], 0, n);
            }
            conv.process(block, out, n);
            System.arraycopy(out[0], 0, y, t - from, n);
            t += n;
        }
        return y;
    }
}
