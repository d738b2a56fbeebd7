package org.namcl.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.namcl.testing.Uniform;

/** The metrics against sums written out in the test, block boundaries included. */
class SignalDifferenceTest {
    /** Measures {@code other} against {@code base} (two channels each) in blocks of {@code block} frames. */
    private static Difference measure(float[][] base, float[][] other, int block) {
        SignalDifference d = new SignalDifference();
        int n = Math.min(base[0].length, other[0].length);
        float[][] b = new float[2][block];
        float[][] a = new float[2][block];
        for (int at = 0; at < n; at += block) {
            int k = Math.min(block, n - at);
            for (int c = 0; c < 2; c++) {
                System.arraycopy(base[c], at, b[c], 0, k);
                System.arraycopy(other[c], at, a[c], 0, k);
            }
            d.add(b, 0, a, 0, 2, k);
        }
        return d.result(base[0].length, other[0].length);
    }

    private static float[][] copy(float[][] x) {
        return new float[][] {x[0].clone(), x[1].clone()};
    }

    @Test
    void oneChangedSampleIsFoundWithItsSizeAndFrame() {
        Uniform u = new Uniform(4);
        float[][] base = {u.values(5000, 0.5), u.values(5000, 0.5)};
        float[][] other = copy(base);
        other[1][3210] += 1e-3f;

        Difference d = measure(base, other, 333);

        double err = 0;
        double energy = 0;
        double peak = 0;
        for (float[] ch : base) {
            for (float v : ch) {
                energy += (double) v * v;
                peak = Math.max(peak, Math.abs(v));
            }
        }
        double delta = (double) other[1][3210] - base[1][3210];
        err += delta * delta;
        assertEquals(3210, d.worstFrame());
        assertEquals(Math.abs(delta), d.maxAbs(), 0);
        assertEquals(err / energy, d.esr(), 1e-12 * (err / energy), "the same sums in another order");
        assertEquals(peak, d.peak(), 0);
        assertEquals(1 - 1 / 10000.0, d.identical(), 1e-12);
        assertEquals(Math.abs(Float.floatToIntBits(other[1][3210]) - Float.floatToIntBits(base[1][3210])),
                d.maxUlps(), "both of one sign: the bit patterns' distance");
        assertTrue(Limits.DEFAULT.violation(d).contains("frame 3210"), Limits.DEFAULT.violation(d));
    }

    @Test
    void equalSignalsPassWithNothingDifferent() {
        Uniform u = new Uniform(5);
        float[][] base = {u.values(1000), u.values(1000)};

        Difference d = measure(base, copy(base), 64);

        assertEquals(0, d.esr());
        assertEquals(0, d.maxUlps());
        assertEquals(1, d.identical());
        assertEquals(-1, d.worstFrame());
        assertNull(Limits.DEFAULT.violation(d));
    }

    @Test
    void aNaNIsCountedAtItsFrameAndLeftOutOfTheSums() {
        Uniform u = new Uniform(6);
        float[][] base = {u.values(2000), u.values(2000)};
        float[][] other = copy(base);
        other[0][1500] = Float.NaN;

        Difference d = measure(base, other, 128);

        assertEquals(1, d.nonFiniteOther());
        assertEquals(0, d.nonFiniteBaseline());
        assertEquals(1500, d.firstNonFiniteFrame());
        assertEquals(0, d.esr(), "the other samples are equal");
        assertEquals("non-finite sample at frame 1500", Limits.DEFAULT.violation(d));
    }

    @Test
    void aShorterRenderingFailsOnItsLength() {
        Uniform u = new Uniform(7);
        float[][] base = {u.values(1000), u.values(1000)};
        float[][] other = {java.util.Arrays.copyOf(base[0], 900), java.util.Arrays.copyOf(base[1], 900)};

        Difference d = measure(base, other, 100);

        assertEquals("length 900 frames, baseline 1000", Limits.DEFAULT.violation(d));
    }

    @Test
    void aSilentBaselineIsJudgedByTheLargestSample() {
        float[][] base = {new float[100], new float[100]};
        float[][] small = copy(base);
        small[0][7] = 1e-7f;
        float[][] loud = copy(base);
        loud[1][9] = 1e-3f;

        assertTrue(Double.isNaN(measure(base, small, 10).esr()));
        assertNull(Limits.DEFAULT.violation(measure(base, small, 10)));
        assertTrue(Limits.DEFAULT.violation(measure(base, loud, 10)).startsWith("baseline silent"));
    }

    @Test
    void ulpsCountTheFloatsBetween() {
        assertEquals(0, SignalDifference.ulps(0f, -0f));
        assertEquals(1, SignalDifference.ulps(1f, Math.nextUp(1f)));
        assertEquals(2, SignalDifference.ulps(Float.MIN_VALUE, -Float.MIN_VALUE));
        assertEquals(3, SignalDifference.ulps(-1f, Math.nextDown(Math.nextDown(Math.nextDown(-1f)))));
    }

    @Test
    void limitsParseWithDefaultsAndNameWhatIsWrong() {
        assertEquals(new Limits(1e-6, 5e-4), Limits.parse("esr=1e-6"));
        assertEquals(new Limits(1e-8, 1e-3), Limits.parse(" peak = 1e-3 "));
        assertEquals(Limits.DEFAULT, new Limits(1e-8, 5e-4));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Limits.parse("esr=x")).getMessage()
                .contains("'x' is not a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Limits.parse("snr=3")).getMessage()
                .contains("unknown tolerance 'snr'"));
        assertThrows(IllegalArgumentException.class, () -> Limits.parse("esr=-1"));
    }
}
