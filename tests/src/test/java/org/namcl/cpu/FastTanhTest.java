package org.namcl.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Checks FastTanh against Math.tanh (in double) and the properties its class comment states. */
class FastTanhTest {

    /** Stated bounds: ulps of tanh(x) for |x| >= 1e-3 and below, and absolute error everywhere. */
    private static final double MAX_ULP = 1.70;
    private static final double MAX_ULP_TINY = 0.5000005;
    private static final double MAX_ABS = 1.02e-7;
    /** Smallest float from which the result is exactly 1. */
    private static final float SATURATION = 9.1166515f;

    /** The ulp of the float binade holding t (2^-149 below the normal range). */
    private static double ulpOf(double t) {
        return Math.scalb(1.0, Math.max(Math.getExponent(t), Float.MIN_EXPONENT) - 23);
    }

    /** Checks y = FastTanh(x) against the stated bounds and returns its error in ulps of tanh(x). */
    private static double check(float x, float y) {
        double t = Math.tanh(x);
        double abs = Math.abs(y - t);
        double ulps = abs / ulpOf(t);
        boolean ok = abs <= MAX_ABS && Math.abs(y) <= 1f
                && ulps <= (Math.abs(x) < 1e-3f ? MAX_ULP_TINY : MAX_ULP);
        if (!ok) {
            fail("x=" + x + " y=" + y + " tanh=" + t + " (" + ulps + " ulp)");
        }
        return ulps;
    }

    private static void assertOdd(float x) {
        if (Float.floatToRawIntBits(-FastTanh.tanh(x)) != Float.floatToRawIntBits(FastTanh.tanh(-x))) {
            fail("not odd at x=" + x);
        }
    }

    @Test
    void everyFloatInRangeWithStride() {
        // every 61st bit pattern in [0, 10], and [-10, 0] through oddness; 61 is odd, so every residue of the
        // low-order bits is visited
        int top = Float.floatToRawIntBits(10f);
        for (int bits = 0; bits <= top; bits += 61) {
            float x = Float.intBitsToFloat(bits);
            check(x, FastTanh.tanh(x));
            assertOdd(x);
        }
    }

    @Test
    void denseGridIsAccurateAndMonotone() {
        // x = -10 + i * 1e-6, in chunks, through the array method
        int chunk = 1 << 20;
        float[] x = new float[chunk];
        float[] y = new float[chunk];
        float previous = -1f;
        for (long start = 0; start <= 20_000_000; start += chunk) {
            int n = (int) Math.min(chunk, 20_000_001 - start);
            for (int i = 0; i < n; i++) {
                x[i] = (float) (-10 + (start + i) * 1e-6);
            }
            FastTanh.tanh(x, 0, y, 0, n);
            for (int i = 0; i < n; i++) {
                check(x[i], y[i]);
                if (y[i] < previous) {
                    fail("decreases at x=" + x[i]);
                }
                previous = y[i];
            }
        }
    }

    @Test
    void specialValues() {
        assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(FastTanh.tanh(0f)));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(FastTanh.tanh(-0f)));
        for (float tiny : new float[] {Float.MIN_VALUE, 1e-40f, Float.MIN_NORMAL, 1e-20f, 1e-5f}) {
            assertEquals(tiny, FastTanh.tanh(tiny));
            assertEquals(-tiny, FastTanh.tanh(-tiny));
        }
        assertTrue(Float.isNaN(FastTanh.tanh(Float.NaN)));
        assertEquals(1f, FastTanh.tanh(Float.POSITIVE_INFINITY));
        assertEquals(-1f, FastTanh.tanh(Float.NEGATIVE_INFINITY));
        for (float big : new float[] {Float.MAX_VALUE, 1e30f, 1e10f, 100f, 10f}) {
            assertEquals(1f, FastTanh.tanh(big));
            assertEquals(-1f, FastTanh.tanh(-big));
        }
        // around the switch point, the 1e-3 boundary and the saturation point
        for (float c : new float[] {FastTanh.T, 1e-3f, SATURATION}) {
            float x = c;
            for (int i = 0; i < 200; i++) {
                x = Math.nextDown(x);
            }
            for (int i = 0; i < 400; i++, x = Math.nextUp(x)) {
                check(x, FastTanh.tanh(x));
                assertOdd(x);
            }
        }
    }

    @Test
    void saturatesExactlyFromStatedPoint() {
        assertTrue(FastTanh.tanh(Math.nextDown(SATURATION)) < 1f);
        int from = Float.floatToRawIntBits(SATURATION);
        int to = Float.floatToRawIntBits(1e4f);
        for (int bits = from; bits <= to; bits += 7) {
            float x = Float.intBitsToFloat(bits);
            assertEquals(1f, FastTanh.tanh(x), () -> "x=" + x);
            assertEquals(-1f, FastTanh.tanh(-x), () -> "x=" + -x);
        }
    }

    @Test
    void arrayMethodsMatchScalarBitForBit() {
        Random rnd = new Random(42);
        int n = 10_007;
        float[] src = new float[n];
        for (int i = 0; i < n; i++) {
            switch (i % 4) {
                case 0 -> src[i] = (float) (rnd.nextGaussian() * 3);
                case 1 -> src[i] = (rnd.nextFloat() - 0.5f) * 24f;
                case 2 -> src[i] = Float.intBitsToFloat(rnd.nextInt()); // any float, NaNs included
                default -> src[i] = (rnd.nextFloat() - 0.5f) * 2.4f;
            }
        }
        float[] specials = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
            -Float.MAX_VALUE, FastTanh.T, -FastTanh.T, SATURATION};
        System.arraycopy(specials, 0, src, 100, specials.length);

        float[] expected = src.clone();
        for (int i = 5; i < n - 3; i++) {
            expected[i] = FastTanh.tanh(src[i]);
        }
        // repeat so that the loops are compiled and vectorised by C2 before the last comparison
        for (int rep = 0; rep < 300; rep++) {
            float[] inPlace = src.clone();
            FastTanh.tanhInPlace(inPlace, 5, n - 3);
            assertArrayEquals(bits(expected), bits(inPlace));

            float[] dst = new float[n + 9];
            FastTanh.tanh(src, 5, dst, 9, n - 8);
            float[] window = new float[n];
            System.arraycopy(src, 0, window, 0, n);
            System.arraycopy(dst, 9, window, 5, n - 8);
            assertArrayEquals(bits(expected), bits(window));
        }
    }

    /** Bit patterns, with every NaN mapped to the canonical one (payloads are not part of the contract). */
    private static int[] bits(float[] a) {
        int[] b = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = Float.floatToIntBits(a[i]);
        }
        return b;
    }
}
