package org.namcl.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.namcl.model.net.Conv1d;

/**
 * A {@link History} fed block by block, as LayerUnit feeds it (prepare, write, conv at
 * position, advance), read by a dilated {@link ConvOp}: the result must equal the causal conv of
 * the whole signal, zero before it, across the moves of the look-back to the row's front.
 */
class HistoryTest {
    /** float32 sums of 2 rows × 3 taps of values below 1, against double. */
    private static final double FLOAT32_SUM_TOLERANCE = 1e-6;
    private static final int ROWS = 2;
    private static final int K = 3;
    private static final int DILATION = 7;
    private static final int MAX_BLOCK = 16;
    /** Many times the history's row stride, so its look-back is moved to the front many times. */
    private static final int LENGTH = 3000;

    private final Random random = new Random(3);
    private final float[] w = randoms(ROWS * K);
    private final ConvOp conv;
    private final History history = new History(ROWS, DILATION * (K - 1), MAX_BLOCK);

    HistoryTest() {
        conv = ConvOp.of(new Conv1d(ROWS, 1, K, DILATION, 1, w, null), history.stride);
    }

    @Test
    void blockwiseConvOverHistoryEqualsWholeSignalConv() {
        float[][] x = {randoms(LENGTH), randoms(LENGTH)};
        float[] y = run(x, 0, LENGTH);
        for (int t = 0; t < LENGTH; t++) {
            double expected = 0;
            for (int r = 0; r < ROWS; r++) {
                for (int tap = 0; tap < K; tap++) {
                    int s = t - DILATION * (K - 1 - tap);
                    expected += s < 0 ? 0 : (double) w[r * K + tap] * x[r][s];
                }
            }
            assertEquals(expected, y[t], FLOAT32_SUM_TOLERANCE, "t " + t);
        }
    }

    @Test
    void restoreReturnsToTheSavedState() {
        float[][] x = {randoms(LENGTH), randoms(LENGTH)};
        run(x, 0, 500);
        history.save();
        float[] first = run(x, 500, 1000);
        history.restore();
        float[] again = run(x, 500, 1000);
        assertArrayEquals(first, again);
    }

    /** Feeds samples [from, to) in random block sizes up to MAX_BLOCK; returns the conv output. */
    private float[] run(float[][] x, int from, int to) {
        float[] y = new float[to - from];
        float[] block = new float[ROWS * MAX_BLOCK];
        float[] out = new float[MAX_BLOCK];
        for (int t = from; t < to; ) {
            int n = Math.min(1 + random.nextInt(MAX_BLOCK), to - t);
            for (int r = 0; r < ROWS; r++) {
                System.arraycopy(x[r], t, block, r * MAX_BLOCK, n);
            }
            history.prepare(n);
            history.write(block, MAX_BLOCK, n);
            conv.apply(history.buf, history.position(), out, 0, MAX_BLOCK, n, false);
            history.advance(n);
            System.arraycopy(out, 0, y, t - from, n);
            t += n;
        }
        return y;
    }

    private float[] randoms(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (2 * random.nextDouble() - 1);
        }
        return v;
    }
}
