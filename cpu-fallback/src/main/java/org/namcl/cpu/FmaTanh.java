package org.namcl.cpu;

/**
 * The tanh of the Vector API kernels ({@code VectorTanh}, which computes this lane by lane, bit
 * for bit): {@link FastTanh}'s two forms and coefficients, with fused multiply-adds and one
 * division. Which form is taken is decided by the side of T that |x| lies on (FastTanh takes the
 * smaller of both, so it divides twice); each form was fitted past T, so both are accurate there.
 * It needs FMA in hardware, as the Vector API kernels do ({@code Math.fma} is emulated, and very
 * slow, elsewhere), which is why the scalar kernels keep FastTanh. In the vector kernels this is
 * about 25% faster than FastTanh's operations (0.70 against 0.93 ns a float, AVX-512).
 *
 * <h2>Accuracy</h2>
 * Checked exhaustively against {@code Math.tanh} in double, over every float, by
 * {@code TanhExhaustiveCheck} in the tests (the same bounds as FastTanh's, or tighter):
 * <ul>
 *   <li>the error is at most 1.52 ulp of tanh(x); for |x| &lt; 1e-3 at most 0.5000002 ulp. The
 *       largest absolute error is 9.1e-8;</li>
 *   <li>odd, bit for bit; |result| &le; min(|x|, 1); exactly ±1 for |x| &ge; 9.1166515, infinities
 *       included; NaN gives NaN;</li>
 *   <li>non-decreasing for |x| &ge; 1.1 (the large form only: F is increasing, and so is every
 *       step after it). Below that, 649 pairs of adjacent floats, and their mirror
 *       images, step down by 1 ulp (in [0.79, 1.1)); inputs at least 1e-6 apart stay in order.</li>
 * </ul>
 */
final class FmaTanh {

    private FmaTanh() {
    }

    /**
     * tanh(x) to within 1.52 ulp; see the class comment for the exact properties.
     *
     * @param x any float
     * @return tanh(x)
     */
    static float tanh(float x) {
        float a = Math.abs(x);
        float m;
        if (a > FastTanh.T) {
            // F(a)·sqrt(K2) by Horner: a^10 + G7 a^7 + G6 a^6 + G4 a^4 + G3 a^3 + G2 a^2 + G1 a + G0
            float g = Math.fma(Math.fma(a * a, a, FastTanh.G7), a, FastTanh.G6) * a;
            g = Math.fma(g, a, FastTanh.G4);
            g = Math.fma(g, a, FastTanh.G3);
            g = Math.fma(g, a, FastTanh.G2);
            g = Math.fma(g, a, FastTanh.G1);
            g = Math.fma(g, a, FastTanh.G0);
            m = 1f - FastTanh.K1 / Math.fma(g, g, FastTanh.K2);
        } else {
            float s = a * a;
            float ratio = Math.fma(Math.fma(s, FastTanh.N2, FastTanh.N1), s, FastTanh.N0) / (s + FastTanh.Q0);
            m = Math.fma(-(a * s), ratio, a);
        }
        return Math.min(Math.max(x, -m), m);
    }
}
