package org.namcl.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PluckedStringDiTest {
    private static final int RATE = PluckedStringDi.SAMPLE_RATE;
    private static float[] take;

    @BeforeAll
    static void synthesize() {
        take = PluckedStringDi.synthesize();
    }

    @Test
    void sameSamplesEveryTime() {
        assertArrayEquals(take, PluckedStringDi.synthesize());
    }

    @Test
    void peaksAtMinus6DbfsOnThe24BitGrid() {
        float peak = 0;
        for (float x : take) {
            peak = Math.max(peak, Math.abs(x));
            double steps = x * 8388608.0;
            assertEquals(Math.rint(steps), steps, 0.0, "24-bit grid");
        }
        assertEquals(0.5f, peak);
        assertEquals(9 * RATE, take.length);
    }

    @Test
    void firstNoteIsTheOpenLowEInTune() {
        // 0.15 s to 0.45 s: the open low E (82.41 Hz) alone.
        int from = (int) (0.15 * RATE);
        int len = (int) (0.3 * RATE);
        double bestHz = 0;
        double best = 0;
        for (double hz = 78; hz < 87; hz += 0.01) {
            double a = Spectrum.amplitude(take, from, len, hz, RATE);
            if (a > best) {
                best = a;
                bestHz = hz;
            }
        }
        double cents = 1200 * Math.log(bestHz / 82.4069) / Math.log(2);
        assertEquals(0, cents, 3, "low E at " + bestHz + " Hz");
    }

    @Test
    void startsAfterALittleSilenceAndEndsMuted() {
        int onset = (int) (0.1 * RATE);
        for (int i = 0; i < onset; i++) {
            assertEquals(0, take[i], 0.0);
        }
        assertTrue(Math.abs(take[onset + 10]) > 0);
        for (int i = (int) (8.6 * RATE); i < take.length; i++) {
            assertEquals(0, take[i], 0.0);
        }
    }
}
