package org.namcl.cpu;

import java.util.Arrays;
import org.namcl.model.net.Conv1d;
import org.namcl.model.net.Conv1x1;

/**
 * A convolution flattened into, per output row, a list of terms (weight, source row). For a 1x1
 * the sources are the input rows; for a dilated conv they are (input, tap) windows that
 * {@link History} copies out first. Group structure and taps are folded into
 * the term lists once, at build time; the arithmetic is the {@link ConvKernel} chosen then.
 */
final class ConvOp {
    private final int outRows;
    private final ConvKernel kernel;
    /** Every source row read from its sample 0. */
    private final int[] fromStart;

    private ConvOp(int outRows, ConvKernel kernel, int[] src) {
        this.outRows = outRows;
        this.kernel = kernel;
        this.fromStart = new int[Arrays.stream(src).max().orElse(-1) + 1];
    }

    static ConvOp of(Conv1x1 c) {
        return of(c, CpuKernels::conv);
    }

    static ConvOp of(Conv1d c, Conv1x1 mixin) {
        return of(c, mixin, CpuKernels::conv);
    }

    /** The 1x1 on the given kernel (the tests set the kernels side by side). */
    static ConvOp of(Conv1x1 c, ConvKernel.Factory kernels) {
        int per = c.inPerGroup();
        int[] start = new int[c.outChannels() + 1];
        float[] w = new float[c.outChannels() * per];
        int[] src = new int[w.length];
        for (int o = 0; o < c.outChannels(); o++) {
            start[o + 1] = start[o] + per;
            for (int j = 0; j < per; j++) {
                w[o * per + j] = c.weight(o, j);
                src[o * per + j] = c.firstInput(o) + j;
            }
        }
        return new ConvOp(c.outChannels(), kernels.build(c.outChannels(), start, w, src, c.bias()), src);
    }

    /**
     * A dilated conv whose sources are the tap windows, row (input·K + tap), and, when
     * {@code mixin} is given (a 1x1 from the condition into the same rows), the condition rows
     * after them (row in·K + j): one pass computes conv + mixin.
     */
    static ConvOp of(Conv1d c, Conv1x1 mixin, ConvKernel.Factory kernels) {
        int per = c.inPerGroup();
        int k = c.kernelSize();
        int mixPer = mixin == null ? 0 : mixin.inPerGroup();
        int[] start = new int[c.outChannels() + 1];
        float[] w = new float[c.outChannels() * (per * k + mixPer)];
        int[] src = new int[w.length];
        int i = 0;
        for (int o = 0; o < c.outChannels(); o++) {
            for (int j = 0; j < per; j++) {
                for (int tap = 0; tap < k; tap++) {
                    w[i] = c.weight(o, j, tap);
                    src[i] = (c.firstInput(o) + j) * k + tap;
                    i++;
                }
            }
            for (int j = 0; j < mixPer; j++) {
                w[i] = mixin.weight(o, j);
                src[i] = c.inChannels() * k + mixin.firstInput(o) + j;
                i++;
            }
            start[o + 1] = i;
        }
        return new ConvOp(c.outChannels(), kernels.build(c.outChannels(), start, w, src, c.bias()), src);
    }

    int outRows() {
        return outRows;
    }

    /**
     * dst[o][t] (=|+=) bias[o] + Σ w·in[src][t] for t in [0, n).
     *
     * @param accumulate add into dst instead of overwriting it
     */
    void apply(float[][] in, float[][] dst, int n, boolean accumulate) {
        kernel.apply(in, fromStart, dst, n, accumulate);
    }

    /**
     * The same with source row i's samples from at[i] on.
     *
     * @throws IllegalStateException when the kernel does not {@link #readsAtOffsets}
     */
    void apply(float[][] in, int[] at, float[][] dst, int n, boolean accumulate) {
        if (!kernel.readsAtOffsets()) {
            throw new IllegalStateException("this conv's kernel reads its sources from sample 0 only");
        }
        kernel.apply(in, at, dst, n, accumulate);
    }

    /** Whether {@link #apply(float[][], int[], float[][], int, boolean)} may be given offsets other than 0. */
    boolean readsAtOffsets() {
        return kernel.readsAtOffsets();
    }
}
