package org.namcl.cpu;

import java.util.Random;

/** Seeded test values, uniform in [-1, 1): one source shared by the building-block tests. */
final class Uniform {
    private final Random random;

    Uniform(long seed) {
        random = new Random(seed);
    }

    float[] values(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (2 * random.nextDouble() - 1);
        }
        return v;
    }

    float[][] rows(int rows, int length) {
        float[][] v = new float[rows][];
        for (int r = 0; r < rows; r++) {
            v[r] = values(length);
        }
        return v;
    }
}
