package org.namcl.cpu;

/**
 * The inner loops of the CPU engine, written as plain counted loops over contiguous rows so that
 * HotSpot's superword pass turns them into SIMD code. Source and destination are always distinct
 * arrays (aliasing would stop the vectoriser).
 */
final class RowOps {
    private RowOps() {
    }

    static void fill(float[] y, int yo, int n, float v) {
        for (int t = 0; t < n; t++) {
            y[yo + t] = v;
        }
    }

    static void addScalar(float[] y, int yo, int n, float v) {
        for (int t = 0; t < n; t++) {
            y[yo + t] += v;
        }
    }

    static void copy(float[] x, int xo, float[] y, int yo, int n) {
        System.arraycopy(x, xo, y, yo, n);
    }

    /** y += x */
    static void add(float[] x, int xo, float[] y, int yo, int n) {
        for (int t = 0; t < n; t++) {
            y[yo + t] += x[xo + t];
        }
    }

    static void scale(float[] y, int yo, int n, float s) {
        for (int t = 0; t < n; t++) {
            y[yo + t] *= s;
        }
    }

    /** y += w0·x[o0..] */
    static void mac1(float[] y, int yo, float[] x, int o0, float w0, int n) {
        for (int t = 0; t < n; t++) {
            y[yo + t] += w0 * x[o0 + t];
        }
    }

    static void mac2(float[] y, int yo, float[] x, int o0, int o1, float w0, float w1, int n) {
        for (int t = 0; t < n; t++) {
            y[yo + t] += w0 * x[o0 + t] + w1 * x[o1 + t];
        }
    }

    static void mac3(float[] y, int yo, float[] x, int o0, int o1, int o2, float w0, float w1, float w2, int n) {
        for (int t = 0; t < n; t++) {
            y[yo + t] += w0 * x[o0 + t] + w1 * x[o1 + t] + w2 * x[o2 + t];
        }
    }

    static void mac4(float[] y, int yo, float[] x, int o0, int o1, int o2, int o3,
                     float w0, float w1, float w2, float w3, int n) {
        for (int t = 0; t < n; t++) {
            y[yo + t] += w0 * x[o0 + t] + w1 * x[o1 + t] + w2 * x[o2 + t] + w3 * x[o3 + t];
        }
    }

    /** v = v · s + b, with the scale and shift rows of a FiLM. */
    static void affine(float[] v, int vo, float[] s, int so, float[] b, int bo, int n) {
        for (int t = 0; t < n; t++) {
            v[vo + t] = v[vo + t] * s[so + t] + b[bo + t];
        }
    }

    /** v = v · s */
    static void mul(float[] v, int vo, float[] s, int so, int n) {
        for (int t = 0; t < n; t++) {
            v[vo + t] *= s[so + t];
        }
    }

    /** y = s·a + (1 − s)·z, the blended gate: s, a, z rows given, result into y. */
    static void blend(float[] y, int yo, float[] s, int so, float[] a, int ao, int n) {
        for (int t = 0; t < n; t++) {
            float g = s[so + t];
            y[yo + t] = g * a[ao + t] + (1f - g) * y[yo + t];
        }
    }
}
