package org.namcl.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link FastTanh} against {@link Math#tanh} in double. */
class FastTanhTest {
    /** The bounds FastTanh's javadoc states. */
    private static final double MAX_ABS_ERROR = 4e-7;
    private static final double MAX_ULPS = 7;

    @Test
    void closeToExactTanhOverEveryStrideOfFloats() {
        double worstAbs = 0;
        double worstUlps = 0;
        // every 61st float bit pattern in [0, 10], both signs
        for (int bits = 0; bits <= Float.floatToIntBits(10f); bits += 61) {
            for (float x : new float[]{Float.intBitsToFloat(bits), -Float.intBitsToFloat(bits)}) {
                double exact = Math.tanh(x);
                double err = Math.abs(FastTanh.tanh(x) - exact);
                worstAbs = Math.max(worstAbs, err);
                worstUlps = Math.max(worstUlps, err / Math.ulp((float) exact));
            }
        }
        assertTrue(worstAbs <= MAX_ABS_ERROR, "max abs error " + worstAbs);
        assertTrue(worstUlps <= MAX_ULPS, "max error in ulps " + worstUlps);
    }

    @Test
    void oddSaturatingAndNaNPreserving() {
        assertEquals(0f, FastTanh.tanh(0f));
        assertEquals(1f, FastTanh.tanh(9f), MAX_ABS_ERROR);
        assertEquals(FastTanh.tanh(9f), FastTanh.tanh(1e30f));
        assertEquals(-FastTanh.tanh(9f), FastTanh.tanh(Float.NEGATIVE_INFINITY));
        assertTrue(Float.isNaN(FastTanh.tanh(Float.NaN)));
        for (float x = 0; x < 10; x += 0.001f) {
            assertEquals(-FastTanh.tanh(x), FastTanh.tanh(-x));
        }
    }

    /** An approximation may wiggle by an ulp or two, never by more than its error bound. */
    @Test
    void neverDecreasesByMoreThanTheErrorBound() {
        float prev = FastTanh.tanh(-10f);
        for (float x = -10f; x <= 10f; x = Math.nextUp(x) + 1e-5f) {
            float y = FastTanh.tanh(x);
            assertTrue(y >= prev - 2 * MAX_ABS_ERROR, "decreases at " + x);
            prev = Math.max(prev, y);
        }
    }

    @Test
    void arrayLoopEqualsScalar() {
        float[] a = new float[1000];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i - 500) * 0.021f;
        }
        float[] b = a.clone();
        FastTanh.tanhInPlace(b, 10, 990);
        for (int i = 0; i < a.length; i++) {
            assertEquals(i < 10 || i >= 990 ? a[i] : FastTanh.tanh(a[i]), b[i], "index " + i);
        }
    }
}
