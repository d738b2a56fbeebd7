package org.namcl.testing;

import java.util.Random;

/** Seeded test values, uniform in [-1, 1) (or a given amplitude): one source for every test's noise. */
public final class Uniform {
    private final Random random;

    public Uniform(long seed) {
        random = new Random(seed);
    }

    public float[] values(int n) {
        return values(n, 1);
    }

    /** {@code n} values uniform in ±amplitude. */
    public float[] values(int n, double amplitude) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) ((2 * random.nextDouble() - 1) * amplitude);
        }
        return v;
    }

    public float[][] rows(int rows, int length) {
        float[][] v = new float[rows][];
        for (int r = 0; r < rows; r++) {
            v[r] = values(length);
        }
        return v;
    }
}
