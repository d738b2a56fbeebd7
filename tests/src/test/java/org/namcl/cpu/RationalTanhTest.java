package org.namcl.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/**
 * Checks RationalTanh against Math.tanh (in double) and what its comment states. The bounds are
 * the worst seen over every float of [0, 16] (3.93e-7 at 8.926817; 3.58e-7 above 1); the test
 * scans every 61st float, to stay quick.
 */
class RationalTanhTest {
    private static final double MAX_ABS = 4e-7;
    private static final double MAX_OVERSHOOT = 3.6e-7;
    private static final int STRIDE = 61;

    @Test
    void withinItsErrorBoundAndOdd() {
        double worst = 0;
        for (int bits = 0; bits <= Float.floatToRawIntBits(16f); bits += STRIDE) {
            float x = Float.intBitsToFloat(bits);
            float y = RationalTanh.tanh(x);
            double err = Math.abs(y - Math.tanh(x));
            if (!(err <= MAX_ABS) || Math.abs(y) > 1 + MAX_OVERSHOOT
                    || Float.floatToRawIntBits(-y) != Float.floatToRawIntBits(RationalTanh.tanh(-x))) {
                fail("x=" + x + " y=" + y + " tanh=" + Math.tanh(x));
            }
            worst = Math.max(worst, err);
        }
        assertTrue(worst > MAX_ABS / 2, "the stated bound is not loose: worst " + worst);
    }

    @Test
    void saturatesBeyondTheClampAndKeepsNaN() {
        assertEquals(RationalTanh.tanh(RationalTanh.CLAMP), RationalTanh.tanh(Float.POSITIVE_INFINITY));
        assertEquals(RationalTanh.tanh(-RationalTanh.CLAMP), RationalTanh.tanh(-1e30f));
        assertTrue(Float.isNaN(RationalTanh.tanh(Float.NaN)));
    }

    @Test
    void theArrayFormIsTheScalarOne() {
        float[] a = new float[1000];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i - 500) * 0.0213f;
        }
        float[] b = a.clone();
        RationalTanh.tanhInPlace(b, 0, b.length);
        for (int i = 0; i < a.length; i++) {
            assertEquals(Float.floatToRawIntBits(RationalTanh.tanh(a[i])), Float.floatToRawIntBits(b[i]), "x=" + a[i]);
        }
    }
}
