package org.namcl.cpu;

import java.util.Objects;

/**
 * Float tanh for the CPU engine's inner loop. Every WaveNet layer applies tanh to every channel of every sample, and
 * {@link Math#tanh} (double precision, not vectorised) costs tens of nanoseconds per element. The array methods here
 * are auto-vectorised by HotSpot C2 (JDK 17, AVX2) and run about 25 times faster.
 *
 * <h2>Accuracy</h2>
 * Checked exhaustively against {@code Math.tanh} in double, over every float (by
 * {@code TanhExhaustiveCheck} in the tests):
 * <ul>
 *   <li>the error is at most 1.70 ulp of tanh(x) (the ulp of the float binade that holds tanh(x)). For
 *       |x| &lt; 1e-3 it is at most 0.5000005 ulp, so the result there is correctly rounded, except for three
 *       inputs whose tanh lies within a millionth of an ulp of a rounding tie. The largest absolute error is
 *       1.02e-7;</li>
 *   <li>the function is odd, bit for bit, so tanh(-0) = -0. |result| &le; 1, and the result is exactly ±1 for
 *       |x| &ge; 9.1166515, infinities included. NaN gives NaN;</li>
 *   <li>it is non-decreasing for |x| &ge; 1.1, by construction. Below that, 642 pairs of adjacent floats in
 *       [0.80, 1.1), and their mirror images, step down by 1 ulp (two of them by 2 ulp). Any two inputs at least
 *       1e-6 apart stay in order, because the exact tanh rises by more than twice the error bound over that
 *       distance.</li>
 * </ul>
 *
 * <h2>Method</h2>
 * The code has no branches. With a = |x| and T = 1.1, it evaluates two forms:
 * <ul>
 *   <li>small: a - a³·M(a²), where M(s) = (a - tanh a)/a³ is approximated by N(s)/Q(s) of degree (2, 1), a
 *       minimax fit for relative error on [0, 1.122²]. The correction is small next to a, so its rounding errors
 *       are damped. For a &gt; T the correction is held at its value for a = T, so this form gives
 *       tanh(T) + (a - T), which is more than tanh a. It never exceeds a;</li>
 *   <li>large: 1 - 2/(1 + F(b)²), where b = max(a, T) and F(b) ≈ e^b is a degree-10 polynomial with nonnegative
 *       coefficients. An error in F reaches the result scaled by 1 - tanh b, so F was fitted to minimise that
 *       induced error on [1.078, 9.5] and is deliberately inaccurate at large b. With nonnegative coefficients
 *       F is increasing, and when it overflows the result is exactly 1. For a &lt; T this form gives about
 *       tanh(T), which is more than tanh a.</li>
 * </ul>
 * Each form is accurate on its own side of T and too large on the other, so the smaller of the two is taken. Near
 * T both are accurate. The sign is then restored by clamping x to ±result. Because the result is at most a, this
 * clamp also gives x back unchanged for tiny or zero x. The coefficients were derived for this class by
 * {@code tests/src/test/resources/org/namcl/cpu/fasttanh_fit.py}, using Remez exchange for M and linear programming for
 * F, and rounded to float. Q and the polynomial for F are monic, with their scale moved into N and into K1 and K2,
 * which saves a multiplication each.
 *
 * <h2>Vectorisation</h2>
 * C2 vectorises a loop only when it can unroll it, and it unrolls only small bodies. On JDK 17 an in-place float
 * loop stops vectorising at about 45 arithmetic operations, and this function uses 40. So call the array methods.
 * A caller's loop that inlines {@link #tanh(float)} together with other work would probably run scalar, about seven
 * times slower. On AVX2, Math.min and Math.max are the costliest operations here, which is why only four are used.
 * Bit manipulation (Float.floatToRawIntBits) and Math.copySign are not vectorised by JDK 17's C2.
 */
public final class FastTanh {

    /** Switch point between the two forms. */
    static final float T = 1.1f;

    // small form: M(s) ≈ (N0 + N1 s + N2 s²) / (Q0 + s)
    static final float N0 = 0.8227042f;
    static final float N1 = 0.004252703f;
    static final float N2 = -0.00013853365f;
    static final float Q0 = 2.4681127f;

    // large form: F(b) = g(b) / sqrt(K2), g(b) = b^10 + G7 b^7 + G6 b^6 + G4 b^4 + ... + G0,
    // so 2 / (1 + F²) = K1 / (K2 + g²) with K1 = 2 K2
    static final float G0 = 831189.06f;
    static final float G1 = 808943.0f;
    static final float G2 = 448249.75f;
    static final float G3 = 102346.805f;
    static final float G4 = 55433.21f;
    static final float G6 = 2140.2458f;
    static final float G7 = 205.48367f;
    static final float K1 = 1.3684541e+12f;
    static final float K2 = 6.8422704e+11f;

    private FastTanh() {
    }

    /**
     * tanh(x) to within 1.70 ulp; see the class comment for the exact properties.
     *
     * @param x any float
     * @return tanh(x)
     */
    public static float tanh(float x) {
        float a = Math.abs(x);
        float as = Math.min(a, T);
        float s = as * as;
        float small = a - (as * s) * (((N2 * s + N1) * s + N0) / (s + Q0));
        float b = a + (T - as); // = max(a, T): exact for a >= T, and near enough to T below it
        float g = ((((((((b * b) * b + G7) * b + G6) * b) * b + G4) * b + G3) * b + G2) * b + G1) * b + G0;
        float large = 1f - K1 / (K2 + g * g);
        float m = Math.min(small, large);
        return Math.min(Math.max(x, -m), m);
    }

    /**
     * Replaces a[from..to) by its tanh, element for element the same as {@link #tanh(float)}.
     *
     * @param a the array
     * @param from the first index
     * @param to one past the last index
     */
    public static void tanhInPlace(float[] a, int from, int to) {
        Objects.checkFromToIndex(from, to, a.length);
        for (int i = from; i < to; i++) {
            a[i] = tanh(a[i]);
        }
    }

    /**
     * Writes tanh of src[srcOff..srcOff+n) to dst[dstOff..dstOff+n). The ranges may overlap. This copies, then
     * works in place, because a loop over one array leaves C2 room to vectorise the whole body.
     *
     * @param src the input
     * @param srcOff where in it the input starts
     * @param dst where the results go
     * @param dstOff where in it the first result goes
     * @param n how many
     */
    public static void tanh(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        System.arraycopy(src, srcOff, dst, dstOff, n);
        tanhInPlace(dst, dstOff, dstOff + n);
    }
}
