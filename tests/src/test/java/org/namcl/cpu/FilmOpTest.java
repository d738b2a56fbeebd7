package org.namcl.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.namcl.testing.Tolerance;
import org.namcl.testing.Uniform;
import org.namcl.model.net.Conv1x1;
import org.namcl.model.net.Film;

/**
 * {@link FilmOp} against y = x · scale(c) + shift(c) written out in the test: the FiLM's grouped
 * 1x1 (with bias) maps the condition to rows [0, dim) = scale and, with shift, [dim, 2·dim) =
 * shift; only rows [0, dim) of the modulated buffer change.
 */
class FilmOpTest {
    private static final int BLOCK = 32;
    private static final int N = 29;

    private final Uniform random = new Uniform(5);

    @Test
    void groupedFilmWithShift() {
        int cond = 4;
        int dim = 3;
        int groups = 2;
        float[] w = random.values(2 * dim * cond / groups);
        float[] b = random.values(2 * dim);
        checkFilm(new Film(dim, true, new Conv1x1(cond, 2 * dim, groups, w, b)), cond, groups, w, b);
    }

    @Test
    void groupedFilmWithoutShift() {
        int cond = 2;
        int dim = 4;
        int groups = 2;
        float[] w = random.values(dim * cond / groups);
        float[] b = random.values(dim);
        checkFilm(new Film(dim, false, new Conv1x1(cond, dim, groups, w, b)), cond, groups, w, b);
    }

    @Test
    void ungroupedFilmWithShift() {
        int cond = 2;
        int dim = 2;
        float[] w = random.values(2 * dim * cond);
        float[] b = random.values(2 * dim);
        checkFilm(new Film(dim, true, new Conv1x1(cond, 2 * dim, 1, w, b)), cond, 1, w, b);
    }

    private void checkFilm(Film film, int cond, int groups, float[] w, float[] b) {
        int dim = film.dim();
        int outRows = film.conv().outChannels();
        int extraRows = 2;
        float[][] c = random.rows(cond, BLOCK);
        float[][] v = random.rows(dim + extraRows, BLOCK);
        float[][] before = new float[v.length][];
        for (int r = 0; r < v.length; r++) {
            before[r] = v[r].clone();
        }
        new FilmOp(film, BLOCK).apply(c, v, N);

        for (int r = 0; r < dim + extraRows; r++) {
            for (int t = 0; t < BLOCK; t++) {
                if (r >= dim || t >= N) {
                    assertEquals(before[r][t], v[r][t], "row " + r + " t " + t + " must not change");
                    continue;
                }
                double scale = filmRow(r, c, cond, outRows, groups, w, b, t);
                double shift = film.shift() ? filmRow(dim + r, c, cond, outRows, groups, w, b, t) : 0;
                assertEquals(before[r][t] * scale + shift, v[r][t], Tolerance.FLOAT32_SUM, "row " + r + " t " + t);
            }
        }
    }

    /** Row o of the FiLM's grouped 1x1 at time t: b[o] + Σ_j W[o, j] · c[g·cond/G + j]. */
    private static double filmRow(int o, float[][] c, int cond, int outRows, int groups, float[] w, float[] b, int t) {
        int perIn = cond / groups;
        int g = o / (outRows / groups);
        double s = b[o];
        for (int j = 0; j < perIn; j++) {
            s += (double) w[o * perIn + j] * c[g * perIn + j][t];
        }
        return s;
    }

}
