package org.namcl.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.namcl.model.net.Conv1d;
import org.namcl.model.net.Conv1x1;

/**
 * {@link ConvOp} against convolutions written out in the test from the NAM-SPEC weight layout:
 * Conv1x1 weights row-major (out, in/G); Conv1D weights (out, in/G, k), tap K−1 the current
 * sample; output row o of group g = o / (out/G) reads inputs [g·in/G, (g+1)·in/G).
 */
class ConvOpTest {
    /**
     * float32 sums of at most 6 products of values below 1 in magnitude, against double: a few
     * roundings of 6e-8 each.
     */
    private static final double FLOAT32_SUM_TOLERANCE = 1e-6;

    private final Random random = new Random(7);

    @Test
    void groupedConv1x1WithBias() {
        int in = 6;
        int out = 4;
        int groups = 2;
        float[] w = randoms(out * in / groups);
        float[] b = randoms(out);
        ConvOp op = ConvOp.of(new Conv1x1(in, out, groups, w, b), 50);

        int n = 37;
        int base = 3;
        float[] src = randoms(base + in * 50);
        int dstOff = 2;
        int dstStride = 41;
        float[] dst = new float[dstOff + out * dstStride];
        op.apply(src, base, dst, dstOff, dstStride, n, false);

        for (int o = 0; o < out; o++) {
            int g = o / (out / groups);
            for (int t = 0; t < n; t++) {
                double y = b[o];
                for (int j = 0; j < in / groups; j++) {
                    y += (double) w[o * (in / groups) + j] * src[base + (g * in / groups + j) * 50 + t];
                }
                assertEquals(y, dst[dstOff + o * dstStride + t], FLOAT32_SUM_TOLERANCE, "row " + o + " t " + t);
            }
        }
    }

    @Test
    void accumulateAddsTheConvToWhatIsThere() {
        float[] w = randoms(4 * 3);
        float[] b = randoms(4);
        ConvOp op = ConvOp.of(new Conv1x1(6, 4, 2, w, b), 20);
        float[] src = randoms(6 * 20);
        float[] fresh = new float[4 * 20];
        op.apply(src, 0, fresh, 0, 20, 20, false);
        float[] before = randoms(4 * 20);
        float[] acc = before.clone();
        op.apply(src, 0, acc, 0, 20, 20, true);
        for (int i = 0; i < acc.length; i++) {
            assertEquals(before[i] + fresh[i], acc[i], FLOAT32_SUM_TOLERANCE, "index " + i);
        }
    }

    @Test
    void groupedDilatedConv1dReadsPastSamplesOfAHistoryBuffer() {
        int in = 4;
        int out = 6;
        int k = 3;
        int d = 5;
        int groups = 2;
        float[] w = randoms(out * (in / groups) * k);
        float[] b = randoms(out);
        int lookback = d * (k - 1);
        int n = 23;
        int stride = lookback + 40;
        // each row: [older samples | lookback | current block at position p | unused]
        int p = lookback + 7;
        float[] hist = randoms(in * stride);
        ConvOp op = ConvOp.of(new Conv1d(in, out, k, d, groups, w, b), stride);
        float[] dst = new float[out * n];
        op.apply(hist, p, dst, 0, n, n, false);

        for (int o = 0; o < out; o++) {
            int g = o / (out / groups);
            for (int t = 0; t < n; t++) {
                double y = b[o];
                for (int j = 0; j < in / groups; j++) {
                    for (int tap = 0; tap < k; tap++) {
                        int row = g * in / groups + j;
                        y += (double) w[(o * (in / groups) + j) * k + tap] * hist[row * stride + p + t - d * (k - 1 - tap)];
                    }
                }
                assertEquals(y, dst[o * n + t], FLOAT32_SUM_TOLERANCE, "row " + o + " t " + t);
            }
        }
    }

    @Test
    void conv1dWithoutBiasStartsFromZero() {
        float[] w = randoms(2 * 1 * 2);
        ConvOp op = ConvOp.of(new Conv1d(1, 2, 2, 3, 1, w, null), 10);
        float[] hist = randoms(10);
        float[] dst = randoms(2 * 4);
        op.apply(hist, 3, dst, 0, 4, 4, false);
        for (int o = 0; o < 2; o++) {
            for (int t = 0; t < 4; t++) {
                double y = (double) w[o * 2] * hist[t] + (double) w[o * 2 + 1] * hist[3 + t];
                assertEquals(y, dst[o * 4 + t], FLOAT32_SUM_TOLERANCE);
            }
        }
    }

    private float[] randoms(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (2 * random.nextDouble() - 1);
        }
        return v;
    }
}
