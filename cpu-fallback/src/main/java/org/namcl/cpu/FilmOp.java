package org.namcl.cpu;

import org.namcl.model.net.Film;

/** y = x · scale(c) + shift(c) on a block, computing scale and shift rows from the condition. */
final class FilmOp {
    private final int dim;
    private final boolean shift;
    private final ConvOp conv;
    private final float[][] tmp;

    FilmOp(Film f, int block) {
        this.dim = f.dim();
        this.shift = f.shift();
        this.conv = ConvOp.of(f.conv());
        this.tmp = RowOps.rows(conv.outRows(), block);
    }

    /** Modulates rows [0, dim) of {@code v} in place. */
    void apply(float[][] cond, float[][] v, int n) {
        conv.apply(cond, tmp, n, false);
        for (int r = 0; r < dim; r++) {
            if (shift) {
                RowOps.affine(v[r], tmp[r], tmp[dim + r], n);
            } else {
                RowOps.mul(v[r], tmp[r], n);
            }
        }
    }
}
