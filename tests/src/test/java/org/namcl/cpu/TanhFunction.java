package org.namcl.cpu;

import java.util.List;

/**
 * The CPU engine's two tanh functions with the bounds their class comments state, which
 * {@link FastTanhTest} checks on a stride of all floats and {@link TanhExhaustiveCheck} on every one.
 *
 * @param name the class
 * @param f the function
 * @param maxUlp the largest error in ulps of tanh(x) for |x| &ge; 1e-3
 * @param maxUlpTiny the largest error in ulps below that
 * @param maxAbs the largest absolute error
 * @param saturation the smallest float from which the result is exactly 1
 */
record TanhFunction(String name, Scalar f, double maxUlp, double maxUlpTiny, double maxAbs, float saturation) {

    /** Both functions are non-decreasing from here on (by construction of their large form). */
    static final float MONOTONE_FROM = 1.1f;

    interface Scalar {
        float tanh(float x);
    }

    static final TanhFunction FAST = new TanhFunction("FastTanh", FastTanh::tanh, 1.70, 0.5000005, 1.02e-7,
            9.1166515f);
    static final TanhFunction FMA = new TanhFunction("FmaTanh", FmaTanh::tanh, 1.52, 0.5000002, 9.1e-8, 9.1166515f);

    static List<TanhFunction> all() {
        return List.of(FAST, FMA);
    }

    /** The ulp of the float binade holding t (2^-149 below the normal range). */
    static double ulpOf(double t) {
        return Math.scalb(1.0, Math.max(Math.getExponent(t), Float.MIN_EXPONENT) - 23);
    }

    @Override
    public String toString() {
        return name;
    }
}
