package org.namcl.cpu;

/**
 * The arithmetic of a {@link ConvOp}: dst[o][t] (=|+=) bias[o] + Σ w·in[src][at[src] + t] for t in
 * [0, n): source row i's samples start at at[i] (a window of a history row, read in place).
 * A kernel may also write dst rows past n, up to a whole number of its vector steps where every
 * row it writes is that long and every row it reads that long from its at[i]: values of no meaning (rows past n are scratch in the
 * engine). Two implementations: {@link ScalarConvKernel}, the reference, and {@code VectorConvKernel},
 * register tiles through the Vector API; {@link CpuKernels} picks one at model load.
 */
interface ConvKernel {
    /**
     * @param at where each source row's sample 0 is; all 0 unless {@link #readsAtOffsets}
     * @param accumulate add into dst instead of overwriting it
     */
    void apply(float[][] in, int[] at, float[][] dst, int n, boolean accumulate);

    /**
     * Whether {@code at} may be other than 0. The scalar kernel's loops are vectorised by HotSpot
     * only when every row is indexed by the loop counter alone, so its callers copy windows out.
     *
     * @return true when sources are read at any offset
     */
    boolean readsAtOffsets();

    /** Builds a kernel from a {@link ConvOp}'s term lists: row o's terms are [start[o], start[o+1]). */
    interface Factory {
        ConvKernel build(int outRows, int[] start, float[] w, int[] src, float[] bias);
    }
}
