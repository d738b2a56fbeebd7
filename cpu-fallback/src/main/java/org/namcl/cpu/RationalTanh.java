package org.namcl.cpu;

import java.util.Objects;

/**
 * A cheaper float tanh for the LSTM's recurrence, where every sample's few dozen gates wait on the
 * nonlinearity: tanh(x) ≈ x · P(x²) / Q(x²) on x clamped to ±9, P and Q of degree 4, fitted for
 * absolute error (by {@code tests/src/test/resources/org/namcl/cpu/rational_tanh_fit.py}). One
 * division and two clamps, against FastTanh's two divisions and four min/max: on a 16-unit LSTM
 * it doubles the samples per second. The absolute error is below 4e-7 (1e-7 for FastTanh):
 * LSTM renders stay within ESR 3e-9 of NAM's exact tanh on the reference set. The result is odd
 * and within 3.6e-7 of [−1, 1].
 */
final class RationalTanh {
    static final float CLAMP = 9f;
    private static final float P0 = 0.9999998807907104f;
    private static final float P1 = 0.13373206555843353f;
    private static final float P2 = 0.0034865920897573233f;
    private static final float P3 = 2.0471998141147196e-05f;
    private static final float P4 = 1.3184457969828145e-08f;
    private static final float Q1 = 0.4670650362968445f;
    private static final float Q2 = 0.02584201842546463f;
    private static final float Q3 = 0.00032714020926505327f;
    private static final float Q4 = 7.702759035055351e-07f;

    private RationalTanh() {
    }

    static float tanh(float x) {
        float c = Math.min(Math.max(x, -CLAMP), CLAMP);
        float s = c * c;
        float p = (((P4 * s + P3) * s + P2) * s + P1) * s + P0;
        float q = (((Q4 * s + Q3) * s + Q2) * s + Q1) * s + 1f;
        return c * p / q;
    }

    /** Replaces a[from..to) by its tanh (a loop the JIT vectorises). */
    static void tanhInPlace(float[] a, int from, int to) {
        Objects.checkFromToIndex(from, to, a.length);
        for (int i = from; i < to; i++) {
            a[i] = tanh(a[i]);
        }
    }
}
