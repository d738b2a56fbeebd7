package org.namcl.cpu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Conv arithmetic in register tiles (Vector API): a tile of output rows that read the same
 * source rows (all rows of a dense conv, the rows of one group) times a run of samples is
 * accumulated in registers across every term and written once, where the scalar kernel loads
 * and stores each output row once per four terms. Tiles are 4 rows x 2 vectors, 2 x 4 or
 * 1 x 8: eight accumulators each, enough to keep the FMA units busy.
 *
 * <p>Every sample is computed the same way wherever it falls in a block (a full run, a single
 * vector or the scalar tail): acc = bias (plus dst when accumulating), then acc = fma(w, x, acc)
 * term by term in one order. So the output does not depend on the block length, bit for bit.
 * Only this class touches {@code jdk.incubator.vector}: {@link CpuKernels} loads it only when
 * the module is present.
 */
final class VectorConvKernel implements ConvKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Every tile's main loop steps by a divisor of this many samples (2, 4 or 8 vectors). */
    private static final int QUANTUM = 8 * L;

    /** Rows [row, row + rows) of the output, reading {@code src}; w holds {@code rows} weights per term. */
    private record Tile(int row, int rows, int[] src, float[] w, float[] bias) {
    }

    private final Tile[] tiles;
    private final int outRows;
    /** Every source row some tile reads, once each. */
    private final int[] reads;

    private VectorConvKernel(Tile[] tiles, int outRows, int[] reads) {
        this.tiles = tiles;
        this.outRows = outRows;
        this.reads = reads;
    }

    /** Floats per vector on this machine. */
    static int lanes() {
        return L;
    }

    /** Builds the tiles from the term lists of {@link ConvOp} (row o's terms are [start[o], start[o+1])). */
    static ConvKernel of(int outRows, int[] start, float[] w, int[] src, float[] bias) {
        List<Tile> tiles = new ArrayList<>();
        int o = 0;
        while (o < outRows) {
            int[] terms = Arrays.copyOfRange(src, start[o], start[o + 1]);
            int same = 1;
            while (o + same < outRows && same < 4
                    && Arrays.equals(terms, Arrays.copyOfRange(src, start[o + same], start[o + same + 1]))) {
                same++;
            }
            int rows = same == 3 ? 2 : same; // tiles of 4, 2 or 1 rows
            float[] tw = new float[terms.length * rows];
            float[] tb = new float[rows];
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < terms.length; j++) {
                    tw[j * rows + r] = w[start[o + r] + j];
                }
                tb[r] = bias == null ? 0f : bias[o + r];
            }
            tiles.add(new Tile(o, rows, terms, tw, tb));
            o += rows;
        }
        return new VectorConvKernel(tiles.toArray(new Tile[0]), outRows, Arrays.stream(src).distinct().toArray());
    }

    @Override
    public void apply(float[][] in, int[] at, float[][] dst, int n, boolean accumulate) {
        int m = span(in, at, dst, n);
        for (int i = 0; i < tiles.length; i++) {
            Tile tile = tiles[i];
            switch (tile.rows) {
                case 4 -> rows4(tile, in, at, dst, m, accumulate);
                case 2 -> rows2(tile, in, at, dst, m, accumulate);
                default -> rows1(tile, in, at, dst[tile.row], m, accumulate);
            }
        }
    }

    /** Reads every source where it lies: a history row at the window's start, say, without a copy. */
    @Override
    public boolean readsAtOffsets() {
        return true;
    }

    /**
     * The samples to compute: n rounded up to whole main-loop steps where every row read and
     * written is that long (the engine's block-long rows always are), else n. So the engine never
     * takes the single-vector and scalar tail paths, whatever its block lengths: HotSpot's C2
     * compiles a branch its profile never saw taken as a trap back to the interpreter, where Vector
     * API code runs a hundred times slower until it is compiled again, and a first short block
     * (a piece's halo, a file's end) cost a whole offline render half its speed that way. Each
     * sample's arithmetic is the same either way; outputs past n mean nothing. No shortcut for
     * whole n: that branch too would be one the profile had never seen taken.
     */
    private int span(float[][] in, int[] at, float[][] dst, int n) {
        int m = (n + QUANTUM - 1) / QUANTUM * QUANTUM;
        for (int o = 0; o < outRows; o++) {
            if (dst[o].length < m) {
                return n;
            }
        }
        for (int i = 0; i < reads.length; i++) {
            if (in[reads[i]].length - at[reads[i]] < m) {
                return n;
            }
        }
        return m;
    }

    private static FloatVector start(float[] y, int t, float b, boolean accumulate) {
        return accumulate ? FloatVector.fromArray(S, y, t).add(b) : FloatVector.broadcast(S, b);
    }

    private static void rows4(Tile tile, float[][] in, int[] at, float[][] dst, int n, boolean acc) {
        float[] y0 = dst[tile.row];
        float[] y1 = dst[tile.row + 1];
        float[] y2 = dst[tile.row + 2];
        float[] y3 = dst[tile.row + 3];
        float b0 = tile.bias[0];
        float b1 = tile.bias[1];
        float b2 = tile.bias[2];
        float b3 = tile.bias[3];
        int[] src = tile.src;
        float[] w = tile.w;
        int t = 0;
        for (; t + 2 * L <= n; t += 2 * L) {
            int u = t + L;
            FloatVector a0 = start(y0, t, b0, acc);
            FloatVector a1 = start(y1, t, b1, acc);
            FloatVector a2 = start(y2, t, b2, acc);
            FloatVector a3 = start(y3, t, b3, acc);
            FloatVector c0 = start(y0, u, b0, acc);
            FloatVector c1 = start(y1, u, b1, acc);
            FloatVector c2 = start(y2, u, b2, acc);
            FloatVector c3 = start(y3, u, b3, acc);
            for (int j = 0, k = 0; j < src.length; j++, k += 4) {
                float[] x = in[src[j]];
                int o = at[src[j]];
                FloatVector xa = FloatVector.fromArray(S, x, o + t);
                FloatVector xc = FloatVector.fromArray(S, x, o + u);
                FloatVector w0 = FloatVector.broadcast(S, w[k]);
                FloatVector w1 = FloatVector.broadcast(S, w[k + 1]);
                FloatVector w2 = FloatVector.broadcast(S, w[k + 2]);
                FloatVector w3 = FloatVector.broadcast(S, w[k + 3]);
                a0 = xa.fma(w0, a0);
                c0 = xc.fma(w0, c0);
                a1 = xa.fma(w1, a1);
                c1 = xc.fma(w1, c1);
                a2 = xa.fma(w2, a2);
                c2 = xc.fma(w2, c2);
                a3 = xa.fma(w3, a3);
                c3 = xc.fma(w3, c3);
            }
            a0.intoArray(y0, t);
            a1.intoArray(y1, t);
            a2.intoArray(y2, t);
            a3.intoArray(y3, t);
            c0.intoArray(y0, u);
            c1.intoArray(y1, u);
            c2.intoArray(y2, u);
            c3.intoArray(y3, u);
        }
        for (; t + L <= n; t += L) {
            FloatVector a0 = start(y0, t, b0, acc);
            FloatVector a1 = start(y1, t, b1, acc);
            FloatVector a2 = start(y2, t, b2, acc);
            FloatVector a3 = start(y3, t, b3, acc);
            for (int j = 0, k = 0; j < src.length; j++, k += 4) {
                FloatVector xa = FloatVector.fromArray(S, in[src[j]], at[src[j]] + t);
                a0 = xa.fma(FloatVector.broadcast(S, w[k]), a0);
                a1 = xa.fma(FloatVector.broadcast(S, w[k + 1]), a1);
                a2 = xa.fma(FloatVector.broadcast(S, w[k + 2]), a2);
                a3 = xa.fma(FloatVector.broadcast(S, w[k + 3]), a3);
            }
            a0.intoArray(y0, t);
            a1.intoArray(y1, t);
            a2.intoArray(y2, t);
            a3.intoArray(y3, t);
        }
        tail(tile, in, at, dst, t, n, acc);
    }

    private static void rows2(Tile tile, float[][] in, int[] at, float[][] dst, int n, boolean acc) {
        float[] y0 = dst[tile.row];
        float[] y1 = dst[tile.row + 1];
        float b0 = tile.bias[0];
        float b1 = tile.bias[1];
        int[] src = tile.src;
        float[] w = tile.w;
        int t = 0;
        for (; t + 4 * L <= n; t += 4 * L) {
            int t1 = t + L;
            int t2 = t + 2 * L;
            int t3 = t + 3 * L;
            FloatVector a0 = start(y0, t, b0, acc);
            FloatVector a1 = start(y0, t1, b0, acc);
            FloatVector a2 = start(y0, t2, b0, acc);
            FloatVector a3 = start(y0, t3, b0, acc);
            FloatVector c0 = start(y1, t, b1, acc);
            FloatVector c1 = start(y1, t1, b1, acc);
            FloatVector c2 = start(y1, t2, b1, acc);
            FloatVector c3 = start(y1, t3, b1, acc);
            for (int j = 0, k = 0; j < src.length; j++, k += 2) {
                float[] x = in[src[j]];
                int o = at[src[j]];
                FloatVector x0 = FloatVector.fromArray(S, x, o + t);
                FloatVector x1 = FloatVector.fromArray(S, x, o + t1);
                FloatVector x2 = FloatVector.fromArray(S, x, o + t2);
                FloatVector x3 = FloatVector.fromArray(S, x, o + t3);
                FloatVector w0 = FloatVector.broadcast(S, w[k]);
                FloatVector w1 = FloatVector.broadcast(S, w[k + 1]);
                a0 = x0.fma(w0, a0);
                a1 = x1.fma(w0, a1);
                a2 = x2.fma(w0, a2);
                a3 = x3.fma(w0, a3);
                c0 = x0.fma(w1, c0);
                c1 = x1.fma(w1, c1);
                c2 = x2.fma(w1, c2);
                c3 = x3.fma(w1, c3);
            }
            a0.intoArray(y0, t);
            a1.intoArray(y0, t1);
            a2.intoArray(y0, t2);
            a3.intoArray(y0, t3);
            c0.intoArray(y1, t);
            c1.intoArray(y1, t1);
            c2.intoArray(y1, t2);
            c3.intoArray(y1, t3);
        }
        for (; t + L <= n; t += L) {
            FloatVector a0 = start(y0, t, b0, acc);
            FloatVector c0 = start(y1, t, b1, acc);
            for (int j = 0, k = 0; j < src.length; j++, k += 2) {
                FloatVector x0 = FloatVector.fromArray(S, in[src[j]], at[src[j]] + t);
                a0 = x0.fma(FloatVector.broadcast(S, w[k]), a0);
                c0 = x0.fma(FloatVector.broadcast(S, w[k + 1]), c0);
            }
            a0.intoArray(y0, t);
            c0.intoArray(y1, t);
        }
        tail(tile, in, at, dst, t, n, acc);
    }

    private static void rows1(Tile tile, float[][] in, int[] at, float[] y, int n, boolean acc) {
        float b = tile.bias[0];
        int[] src = tile.src;
        float[] w = tile.w;
        int t = 0;
        for (; t + 8 * L <= n; t += 8 * L) {
            FloatVector a0 = start(y, t, b, acc);
            FloatVector a1 = start(y, t + L, b, acc);
            FloatVector a2 = start(y, t + 2 * L, b, acc);
            FloatVector a3 = start(y, t + 3 * L, b, acc);
            FloatVector a4 = start(y, t + 4 * L, b, acc);
            FloatVector a5 = start(y, t + 5 * L, b, acc);
            FloatVector a6 = start(y, t + 6 * L, b, acc);
            FloatVector a7 = start(y, t + 7 * L, b, acc);
            for (int j = 0; j < src.length; j++) {
                float[] x = in[src[j]];
                int o = at[src[j]] + t;
                FloatVector wj = FloatVector.broadcast(S, w[j]);
                a0 = FloatVector.fromArray(S, x, o).fma(wj, a0);
                a1 = FloatVector.fromArray(S, x, o + L).fma(wj, a1);
                a2 = FloatVector.fromArray(S, x, o + 2 * L).fma(wj, a2);
                a3 = FloatVector.fromArray(S, x, o + 3 * L).fma(wj, a3);
                a4 = FloatVector.fromArray(S, x, o + 4 * L).fma(wj, a4);
                a5 = FloatVector.fromArray(S, x, o + 5 * L).fma(wj, a5);
                a6 = FloatVector.fromArray(S, x, o + 6 * L).fma(wj, a6);
                a7 = FloatVector.fromArray(S, x, o + 7 * L).fma(wj, a7);
            }
            a0.intoArray(y, t);
            a1.intoArray(y, t + L);
            a2.intoArray(y, t + 2 * L);
            a3.intoArray(y, t + 3 * L);
            a4.intoArray(y, t + 4 * L);
            a5.intoArray(y, t + 5 * L);
            a6.intoArray(y, t + 6 * L);
            a7.intoArray(y, t + 7 * L);
        }
        for (; t + L <= n; t += L) {
            FloatVector a0 = start(y, t, b, acc);
            for (int j = 0; j < src.length; j++) {
                a0 = FloatVector.fromArray(S, in[src[j]], at[src[j]] + t).fma(FloatVector.broadcast(S, w[j]), a0);
            }
            a0.intoArray(y, t);
        }
        for (; t < n; t++) {
            y[t] = scalar(tile, 0, in, at, acc ? y[t] + b : b, t);
        }
    }

    /** Samples [t, n) of every row of the tile, one by one, in the vector lanes' arithmetic. */
    private static void tail(Tile tile, float[][] in, int[] at, float[][] dst, int t, int n, boolean acc) {
        for (int r = 0; r < tile.rows; r++) {
            float[] y = dst[tile.row + r];
            float b = tile.bias[r];
            for (int s = t; s < n; s++) {
                y[s] = scalar(tile, r, in, at, acc ? y[s] + b : b, s);
            }
        }
    }

    private static float scalar(Tile tile, int r, float[][] in, int[] at, float a, int t) {
        int[] src = tile.src;
        float[] w = tile.w;
        for (int j = 0, k = r; j < src.length; j++, k += tile.rows) {
            a = Math.fma(w[k], in[src[j]][at[src[j]] + t], a);
        }
        return a;
    }
}
