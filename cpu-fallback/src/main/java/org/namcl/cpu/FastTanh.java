package org.namcl.cpu;

/**
 * tanh for the CPU engine's hot loop (every channel of every layer, every sample): an odd
 * rational x·P(x²)/Q(x²) of degree 11/10, branch-free so HotSpot vectorises the array loop
 * (about 1 ns per value here, against about 50 ns for {@link Math#tanh}).
 *
 * <p>The coefficients were fitted for this class (iteratively reweighted least squares on the
 * relative error over [0, 9], in double: fit error 3.6e-11). Evaluated in float, the result is
 * within 4e-7 of exact tanh everywhere (at most 7 float ulps, near ±1; FastTanhTest measures
 * it) and odd; beyond |x| = 9 it holds its value at 9 (within 1e-7 of ±1). NaN stays NaN.
 */
public final class FastTanh {
    private static final float CLAMP = 9f;
    private static final float P0 = 0.99999999996501809f;
    private static final float P1 = 0.14099937910881516f;
    private static final float P2 = 0.004426920169549587f;
    private static final float P3 = 4.229881202029052e-05f;
    private static final float P4 = 1.1132053589050128e-07f;
    private static final float P5 = 3.6834994514690225e-11f;
    private static final float Q1 = 0.47433271205582839f;
    private static final float Q2 = 0.02920449156189334f;
    private static final float Q3 = 0.00050102112451907684f;
    private static final float Q4 = 2.6061878066398391e-06f;
    private static final float Q5 = 2.9565446945124136e-09f;

    private FastTanh() {
    }

    public static float tanh(float x) {
        float c = Math.min(Math.max(x, -CLAMP), CLAMP);
        float u = c * c;
        float p = ((((P5 * u + P4) * u + P3) * u + P2) * u + P1) * u + P0;
        float q = ((((Q5 * u + Q4) * u + Q3) * u + Q2) * u + Q1) * u + 1f;
        return c * p / q;
    }

    /** a[i] = tanh(a[i]) for i in [from, to). */
    public static void tanhInPlace(float[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            float c = Math.min(Math.max(a[i], -CLAMP), CLAMP);
            float u = c * c;
            float p = ((((P5 * u + P4) * u + P3) * u + P2) * u + P1) * u + P0;
            float q = ((((Q5 * u + Q4) * u + Q3) * u + Q2) * u + Q1) * u + 1f;
            a[i] = c * p / q;
        }
    }
}
