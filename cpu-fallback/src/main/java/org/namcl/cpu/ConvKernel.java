package org.namcl.cpu;

/**
 * The arithmetic of a {@link ConvOp}: dst[o][t] (=|+=) bias[o] + Σ w·in[src][t] for t in [0, n).
 * A kernel may also write dst rows past n, up to a whole number of its vector steps where every
 * row it reads and writes is that long: values of no meaning (rows past n are scratch in the
 * engine). Two implementations: {@link ScalarConvKernel}, the reference, and {@code VectorConvKernel},
 * register tiles through the Vector API; {@link CpuKernels} picks one at model load.
 */
interface ConvKernel {
    /** @param accumulate add into dst instead of overwriting it */
    void apply(float[][] in, float[][] dst, int n, boolean accumulate);

    /** Builds a kernel from a {@link ConvOp}'s term lists: row o's terms are [start[o], start[o+1]). */
    interface Factory {
        ConvKernel build(int outRows, int[] start, float[] w, int[] src, float[] bias);
    }
}
