package org.namcl.cpu;

/**
 * The reference conv arithmetic: each output row streamed once per four terms through
 * {@link RowOps}' multiply-add loops, which HotSpot's superword pass vectorises row by row.
 */
final class ScalarConvKernel implements ConvKernel {
    private final int outRows;
    private final int[] start;
    private final float[] w;
    private final int[] src;
    private final float[] bias;

    ScalarConvKernel(int outRows, int[] start, float[] w, int[] src, float[] bias) {
        this.outRows = outRows;
        this.start = start;
        this.w = w;
        this.src = src;
        this.bias = bias;
    }

    /** @param at all 0 ({@link ConvOp} gives offsets only to a kernel that {@link #readsAtOffsets}) */
    @Override
    public void apply(float[][] in, int[] at, float[][] dst, int n, boolean accumulate) {
        for (int o = 0; o < outRows; o++) {
            float[] y = dst[o];
            float b = bias == null ? 0f : bias[o];
            if (!accumulate) {
                RowOps.fill(y, n, b);
            } else if (b != 0f) {
                RowOps.addScalar(y, n, b);
            }
            int i = start[o];
            int end = start[o + 1];
            for (; i + 4 <= end; i += 4) {
                RowOps.mac4(y, in[src[i]], in[src[i + 1]], in[src[i + 2]], in[src[i + 3]],
                        w[i], w[i + 1], w[i + 2], w[i + 3], n);
            }
            switch (end - i) {
                case 3 -> RowOps.mac3(y, in[src[i]], in[src[i + 1]], in[src[i + 2]], w[i], w[i + 1], w[i + 2], n);
                case 2 -> RowOps.mac2(y, in[src[i]], in[src[i + 1]], w[i], w[i + 1], n);
                case 1 -> RowOps.mac1(y, in[src[i]], w[i], n);
                default -> {
                }
            }
        }
    }

    @Override
    public boolean readsAtOffsets() {
        return false;
    }
}
