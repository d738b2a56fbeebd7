package org.namcl.cpu;

import org.namcl.model.net.Film;

/** y = x · scale(c) + shift(c) on a block, computing scale and shift rows from the condition. */
final class FilmOp {
    private final int dim;
    private final boolean shift;
    private final ConvOp conv;
    private final float[] tmp;
    private final int block;

    FilmOp(Film f, int block) {
        this.dim = f.dim();
        this.shift = f.shift();
        this.block = block;
        this.conv = ConvOp.of(f.conv(), block);
        this.tmp = new float[conv.outRows() * block];
    }

    /** Modulates rows [0, dim) of {@code v} (row stride {@code block}) in place. */
    void apply(float[] cond, float[] v, int n) {
        conv.apply(cond, 0, tmp, 0, block, n, false);
        for (int r = 0; r < dim; r++) {
            if (shift) {
                RowOps.affine(v, r * block, tmp, r * block, tmp, (dim + r) * block, n);
            } else {
                RowOps.mul(v, r * block, tmp, r * block, n);
            }
        }
    }
}
