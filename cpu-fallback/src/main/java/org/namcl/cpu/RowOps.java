package org.namcl.cpu;

/**
 * The inner loops of the CPU engine. Every row is its own array indexed from 0 by the loop
 * counter alone: HotSpot's superword pass (JDK 17) only vectorises a loop whose loads and stores
 * share one index expression, since it cannot rule out that two float[] arguments alias.
 */
final class RowOps {
    private RowOps() {
    }

    static void fill(float[] y, int n, float v) {
        for (int t = 0; t < n; t++) {
            y[t] = v;
        }
    }

    static void addScalar(float[] y, int n, float v) {
        for (int t = 0; t < n; t++) {
            y[t] += v;
        }
    }

    /** y += x */
    static void add(float[] x, float[] y, int n) {
        for (int t = 0; t < n; t++) {
            y[t] += x[t];
        }
    }

    static void scale(float[] y, int n, float s) {
        for (int t = 0; t < n; t++) {
            y[t] *= s;
        }
    }

    static void mac1(float[] y, float[] x0, float w0, int n) {
        for (int t = 0; t < n; t++) {
            y[t] += w0 * x0[t];
        }
    }

    static void mac2(float[] y, float[] x0, float[] x1, float w0, float w1, int n) {
        for (int t = 0; t < n; t++) {
            y[t] += w0 * x0[t] + w1 * x1[t];
        }
    }

    static void mac3(float[] y, float[] x0, float[] x1, float[] x2, float w0, float w1, float w2, int n) {
        for (int t = 0; t < n; t++) {
            y[t] += w0 * x0[t] + w1 * x1[t] + w2 * x2[t];
        }
    }

    static void mac4(float[] y, float[] x0, float[] x1, float[] x2, float[] x3,
                     float w0, float w1, float w2, float w3, int n) {
        for (int t = 0; t < n; t++) {
            y[t] += w0 * x0[t] + w1 * x1[t] + w2 * x2[t] + w3 * x3[t];
        }
    }

    /** v = v · s + b, with the scale and shift rows of a FiLM. */
    static void affine(float[] v, float[] s, float[] b, int n) {
        for (int t = 0; t < n; t++) {
            v[t] = v[t] * s[t] + b[t];
        }
    }

    /** v = v · s */
    static void mul(float[] v, float[] s, int n) {
        for (int t = 0; t < n; t++) {
            v[t] *= s[t];
        }
    }

    /** y = s·a + (1 − s)·y: the blended gate, y holding the raw pre-activation. */
    static void blend(float[] y, float[] s, float[] a, int n) {
        for (int t = 0; t < n; t++) {
            float g = s[t];
            y[t] = g * a[t] + (1f - g) * y[t];
        }
    }

    static float[][] rows(int count, int length) {
        return new float[count][length];
    }
}
