package org.namcl.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.namcl.testing.Tolerance;
import org.namcl.testing.Uniform;
import org.namcl.model.net.Conv1d;
import org.namcl.model.net.Conv1x1;

/**
 * {@link ConvOp} against convolutions written out in the test from the NAM-SPEC weight layout:
 * Conv1x1 weights row-major (out, in/G); Conv1D weights (out, in/G, k), tap K−1 the current
 * sample; output row o of group g = o / (out/G) reads inputs [g·in/G, (g+1)·in/G).
 */
class ConvOpTest {

    private final Uniform random = new Uniform(7);

    @Test
    void groupedConv1x1WithBias() {
        int in = 6;
        int out = 4;
        int groups = 2;
        float[] w = random.values(out * in / groups);
        float[] b = random.values(out);
        ConvOp op = ConvOp.of(new Conv1x1(in, out, groups, w, b));

        int n = 37;
        float[][] src = random.rows(in, 50);
        float[][] dst = new float[out][41];
        op.apply(src, dst, n, false);

        for (int o = 0; o < out; o++) {
            int g = o / (out / groups);
            for (int t = 0; t < n; t++) {
                double y = b[o];
                for (int j = 0; j < in / groups; j++) {
                    y += (double) w[o * (in / groups) + j] * src[g * in / groups + j][t];
                }
                assertEquals(y, dst[o][t], Tolerance.FLOAT32_SUM, "row " + o + " t " + t);
            }
        }
    }

    @Test
    void accumulateAddsTheConvToWhatIsThere() {
        float[] w = random.values(4 * 3);
        float[] b = random.values(4);
        ConvOp op = ConvOp.of(new Conv1x1(6, 4, 2, w, b));
        float[][] src = random.rows(6, 20);
        float[][] fresh = new float[4][20];
        op.apply(src, fresh, 20, false);
        float[][] before = random.rows(4, 20);
        float[][] acc = new float[4][];
        for (int r = 0; r < 4; r++) {
            acc[r] = before[r].clone();
        }
        op.apply(src, acc, 20, true);
        for (int r = 0; r < 4; r++) {
            for (int t = 0; t < 20; t++) {
                assertEquals(before[r][t] + fresh[r][t], acc[r][t], Tolerance.FLOAT32_SUM, "row " + r + " t " + t);
            }
        }
    }

    @Test
    void groupedDilatedConv1dOverTapWindows() {
        int in = 4;
        int out = 6;
        int k = 3;
        int d = 5;
        int groups = 2;
        float[] w = random.values(out * (in / groups) * k);
        float[] b = random.values(out);
        int n = 23;
        int lookback = d * (k - 1);
        float[][] x = random.rows(in, lookback + n);
        // the windows a conv reads: taps[j·K + tap][t] = x[j][t − d·(K−1−tap)], written here from the formula
        float[][] taps = new float[in * k][n];
        for (int j = 0; j < in; j++) {
            for (int tap = 0; tap < k; tap++) {
                for (int t = 0; t < n; t++) {
                    taps[j * k + tap][t] = x[j][lookback + t - d * (k - 1 - tap)];
                }
            }
        }
        float[][] dst = new float[out][n];
        ConvOp.of(new Conv1d(in, out, k, d, groups, w, b), null).apply(taps, dst, n, false);

        for (int o = 0; o < out; o++) {
            int g = o / (out / groups);
            for (int t = 0; t < n; t++) {
                double y = b[o];
                for (int j = 0; j < in / groups; j++) {
                    for (int tap = 0; tap < k; tap++) {
                        int row = g * in / groups + j;
                        y += (double) w[(o * (in / groups) + j) * k + tap] * x[row][lookback + t - d * (k - 1 - tap)];
                    }
                }
                assertEquals(y, dst[o][t], Tolerance.FLOAT32_SUM, "row " + o + " t " + t);
            }
        }
    }

    @Test
    void conv1dWithoutBiasStartsFromZero() {
        float[] w = random.values(2 * 2);
        float[][] taps = random.rows(2, 4);
        float[][] dst = random.rows(2, 4);
        ConvOp.of(new Conv1d(1, 2, 2, 3, 1, w, null), null).apply(taps, dst, 4, false);
        for (int o = 0; o < 2; o++) {
            for (int t = 0; t < 4; t++) {
                double y = (double) w[o * 2] * taps[0][t] + (double) w[o * 2 + 1] * taps[1][t];
                assertEquals(y, dst[o][t], Tolerance.FLOAT32_SUM);
            }
        }
    }

    @Test
    void convWithAFusedGroupedMixinAddsTheConditionsOneByOne() {
        int in = 2;
        int out = 4;
        int k = 2;
        int cond = 2;
        float[] w = random.values(out * in * k);
        float[] b = random.values(out);
        float[] m = random.values(out * cond / 2);
        int n = 9;
        float[][] sources = random.rows(in * k + cond, n); // taps, then the condition rows
        float[][] dst = new float[out][n];
        ConvOp.of(new Conv1d(in, out, k, 1, 1, w, b), new Conv1x1(cond, out, 2, m, null)).apply(sources, dst, n, false);
        for (int o = 0; o < out; o++) {
            for (int t = 0; t < n; t++) {
                double y = b[o];
                for (int j = 0; j < in; j++) {
                    for (int tap = 0; tap < k; tap++) {
                        y += (double) w[(o * in + j) * k + tap] * sources[j * k + tap][t];
                    }
                }
                // mixin groups of 2: rows 0-1 read condition 0, rows 2-3 condition 1
                y += (double) m[o] * sources[in * k + o / 2][t];
                assertEquals(y, dst[o][t], Tolerance.FLOAT32_SUM, "row " + o + " t " + t);
            }
        }
    }

}
