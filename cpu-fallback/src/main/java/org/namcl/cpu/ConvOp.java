package org.namcl.cpu;

import org.namcl.model.net.Conv1d;
import org.namcl.model.net.Conv1x1;

/**
 * A convolution flattened into, per output row, a list of terms (weight, source offset): a 1x1's
 * inputs, or a dilated conv's (input, tap) pairs. Applying it streams each output row once per
 * four terms, the shape the JIT vectorises best; group structure and dilation are folded into
 * the offsets once, at build time.
 */
final class ConvOp {
    private final int outRows;
    private final int[] start;
    private final float[] w;
    private final int[] off;
    private final float[] bias;

    private ConvOp(int outRows, int[] start, float[] w, int[] off, float[] bias) {
        this.outRows = outRows;
        this.start = start;
        this.w = w;
        this.off = off;
        this.bias = bias;
    }

    /** A 1x1 reading rows of a block buffer with row stride {@code srcStride}. */
    static ConvOp of(Conv1x1 c, int srcStride) {
        int per = c.inPerGroup();
        int[] start = new int[c.outChannels() + 1];
        float[] w = new float[c.outChannels() * per];
        int[] off = new int[w.length];
        for (int o = 0; o < c.outChannels(); o++) {
            start[o + 1] = start[o] + per;
            for (int j = 0; j < per; j++) {
                w[o * per + j] = c.weight(o, j);
                off[o * per + j] = (c.firstInput(o) + j) * srcStride;
            }
        }
        return new ConvOp(c.outChannels(), start, w, off, c.bias());
    }

    /**
     * A causal dilated conv reading a history buffer with row stride {@code srcStride}, relative
     * to the position of the current block's first sample.
     */
    static ConvOp of(Conv1d c, int srcStride) {
        int per = c.inPerGroup();
        int k = c.kernelSize();
        int[] start = new int[c.outChannels() + 1];
        float[] w = new float[c.outChannels() * per * k];
        int[] off = new int[w.length];
        int i = 0;
        for (int o = 0; o < c.outChannels(); o++) {
            for (int j = 0; j < per; j++) {
                for (int tap = 0; tap < k; tap++) {
                    w[i] = c.weight(o, j, tap);
                    off[i] = (c.firstInput(o) + j) * srcStride - c.dilation() * (k - 1 - tap);
                    i++;
                }
            }
            start[o + 1] = i;
        }
        return new ConvOp(c.outChannels(), start, w, off, c.bias());
    }

    int outRows() {
        return outRows;
    }

    /**
     * dst[o][t] (=|+=) bias[o] + Σ w·src[base + off + t] for t in [0, n).
     *
     * @param accumulate add into dst instead of overwriting it
     */
    void apply(float[] src, int base, float[] dst, int dstOff, int dstStride, int n, boolean accumulate) {
        for (int o = 0; o < outRows; o++) {
            int d = dstOff + o * dstStride;
            float b = bias == null ? 0f : bias[o];
            if (!accumulate) {
                RowOps.fill(dst, d, n, b);
            } else if (b != 0f) {
                RowOps.addScalar(dst, d, n, b);
            }
            int i = start[o];
            int end = start[o + 1];
            for (; i + 4 <= end; i += 4) {
                RowOps.mac4(dst, d, src, base + off[i], base + off[i + 1], base + off[i + 2], base + off[i + 3],
                        w[i], w[i + 1], w[i + 2], w[i + 3], n);
            }
            switch (end - i) {
                case 3 -> RowOps.mac3(dst, d, src, base + off[i], base + off[i + 1], base + off[i + 2],
                        w[i], w[i + 1], w[i + 2], n);
                case 2 -> RowOps.mac2(dst, d, src, base + off[i], base + off[i + 1], w[i], w[i + 1], n);
                case 1 -> RowOps.mac1(dst, d, src, base + off[i], w[i], n);
                default -> {
                }
            }
        }
    }
}
