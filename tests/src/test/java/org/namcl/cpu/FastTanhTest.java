package org.namcl.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks FastTanh and FmaTanh against Math.tanh (in double) and the properties their class comments
 * state ({@link TanhFunction}), on a stride of all floats ({@link TanhExhaustiveCheck} checks every one).
 */
class FastTanhTest {

    static List<TanhFunction> functions() {
        return TanhFunction.all();
    }

    /** Checks y = f(x) against the stated bounds and returns its error in ulps of tanh(x). */
    private static double check(TanhFunction f, float x, float y) {
        double t = Math.tanh(x);
        double abs = Math.abs(y - t);
        double ulps = abs / TanhFunction.ulpOf(t);
        boolean ok = abs <= f.maxAbs() && Math.abs(y) <= 1f && Math.abs(y) <= Math.abs(x)
                && ulps <= (Math.abs(x) < 1e-3f ? f.maxUlpTiny() : f.maxUlp());
        if (!ok) {
            fail(f + ": x=" + x + " y=" + y + " tanh=" + t + " (" + ulps + " ulp)");
        }
        return ulps;
    }

    private static void assertOdd(TanhFunction f, float x) {
        if (Float.floatToRawIntBits(-f.f().tanh(x)) != Float.floatToRawIntBits(f.f().tanh(-x))) {
            fail(f + ": not odd at x=" + x);
        }
    }

    @ParameterizedTest
    @MethodSource("functions")
    void everyFloatInRangeWithStride(TanhFunction f) {
        // every 61st bit pattern in [0, 10], and [-10, 0] through oddness; 61 is odd, so every residue of the
        // low-order bits is visited
        int top = Float.floatToRawIntBits(10f);
        for (int bits = 0; bits <= top; bits += 61) {
            float x = Float.intBitsToFloat(bits);
            check(f, x, f.f().tanh(x));
            assertOdd(f, x);
        }
    }

    @ParameterizedTest
    @MethodSource("functions")
    void denseGridIsAccurateAndMonotone(TanhFunction f) {
        // x = -10 + i * 1e-6: inputs 1e-6 apart stay in order
        float previous = -1f;
        for (long i = 0; i <= 20_000_000; i++) {
            float x = (float) (-10 + i * 1e-6);
            float y = f.f().tanh(x);
            check(f, x, y);
            if (y < previous) {
                fail(f + ": decreases at x=" + x);
            }
            previous = y;
        }
    }

    @ParameterizedTest
    @MethodSource("functions")
    void monotoneFromTheSwitchPointOn(TanhFunction f) {
        // every float in [1.1, 1.3], across the switch point T and past it
        float previous = f.f().tanh(TanhFunction.MONOTONE_FROM);
        for (float x = Math.nextUp(TanhFunction.MONOTONE_FROM); x <= 1.3f; x = Math.nextUp(x)) {
            float y = f.f().tanh(x);
            if (y < previous) {
                fail(f + ": decreases at x=" + x);
            }
            previous = y;
        }
    }

    @ParameterizedTest
    @MethodSource("functions")
    void specialValues(TanhFunction f) {
        TanhFunction.Scalar tanh = f.f();
        assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(tanh.tanh(0f)));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(tanh.tanh(-0f)));
        for (float tiny : new float[] {Float.MIN_VALUE, 1e-40f, Float.MIN_NORMAL, 1e-20f, 1e-5f}) {
            assertEquals(tiny, tanh.tanh(tiny));
            assertEquals(-tiny, tanh.tanh(-tiny));
        }
        assertTrue(Float.isNaN(tanh.tanh(Float.NaN)));
        assertEquals(1f, tanh.tanh(Float.POSITIVE_INFINITY));
        assertEquals(-1f, tanh.tanh(Float.NEGATIVE_INFINITY));
        for (float big : new float[] {Float.MAX_VALUE, 1e30f, 1e10f, 100f, 10f}) {
            assertEquals(1f, tanh.tanh(big));
            assertEquals(-1f, tanh.tanh(-big));
        }
        // around the switch point, the 1e-3 boundary and the saturation point
        for (float c : new float[] {FastTanh.T, 1e-3f, f.saturation()}) {
            float x = c;
            for (int i = 0; i < 200; i++) {
                x = Math.nextDown(x);
            }
            for (int i = 0; i < 400; i++, x = Math.nextUp(x)) {
                check(f, x, tanh.tanh(x));
                assertOdd(f, x);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("functions")
    void saturatesExactlyFromStatedPoint(TanhFunction f) {
        assertTrue(f.f().tanh(Math.nextDown(f.saturation())) < 1f);
        int from = Float.floatToRawIntBits(f.saturation());
        int to = Float.floatToRawIntBits(1e4f);
        for (int bits = from; bits <= to; bits += 7) {
            float x = Float.intBitsToFloat(bits);
            assertEquals(1f, f.f().tanh(x), () -> "x=" + x);
            assertEquals(-1f, f.f().tanh(-x), () -> "x=" + -x);
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
            -Float.MAX_VALUE, FastTanh.T, -FastTanh.T, TanhFunction.FAST.saturation()};
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
