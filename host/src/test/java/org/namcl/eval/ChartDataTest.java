package org.namcl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the report draws, against the test's own arithmetic on a sine and a scaled, delayed copy. */
class ChartDataTest {
    static final int RATE = 48_000;
    static final int N = 144_000; // 200 error buckets of 15 whole periods of 1 kHz
    static final int LAG = 25;

    private static float[] sine(int n, double hz, double amplitude, int delay) {
        float[] x = new float[n];
        for (int i = delay; i < n; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * (i - delay) / RATE));
        }
        return x;
    }

    @Test
    void windowsEnvelopeErrorAndSpectraFollowTheSignals() {
        float[] target = sine(N + LAG, 1000, 0.5, LAG);
        float[] output = sine(N, 1000, 0.25, 0);
        PairMetrics m = Metrics.compute(output, target, LAG, 0, N);
        ChartData c = ChartData.of(output, target, m, RATE);

        // the trainer's zoom window: 1,000 samples from sample 100,000
        assertEquals(100_000, c.zoomStart());
        assertEquals(1000, c.zoomOutput().length);
        assertEquals(output[100_500], c.zoomOutput()[500]);
        assertEquals(target[100_500 + LAG], c.zoomTarget()[500]);

        for (int b = 0; b < c.envelopeMin()[0].length; b += 97) {
            float lo = Float.MAX_VALUE;
            float hi = -Float.MAX_VALUE;
            for (long i = b * c.envelopeBucket(); i < Math.min(N, (b + 1) * c.envelopeBucket()); i++) {
                lo = Math.min(lo, target[(int) i + LAG]);
                hi = Math.max(hi, target[(int) i + LAG]);
            }
            assertEquals(lo, c.envelopeMin()[1][b]);
            assertEquals(hi, c.envelopeMax()[1][b]);
        }

        // the residual is the output less twice itself: -0.25 sin, so 20 log10(0.25 / sqrt 2) dBFS RMS
        double residualRms = 20 * Math.log10(0.25 / Math.sqrt(2));
        for (int b = 1; b < c.errorRmsDb().length; b++) {
            assertEquals(residualRms, c.errorRmsDb()[b], 0.01, "bucket " + b);
            assertEquals(residualRms + 20 * Math.log10(2), c.targetRmsDb()[b], 0.01, "bucket " + b);
        }

        int peak = 0;
        for (int i = 1; i < c.frequencies().length; i++) {
            if (c.targetSpectrum()[i] > c.targetSpectrum()[peak]) {
                peak = i;
            }
        }
        double ratio = c.frequencies()[1] / c.frequencies()[0];
        assertTrue(Math.abs(Math.log(c.frequencies()[peak] / 1000)) <= Math.log(ratio), "peak at "
                + c.frequencies()[peak] + " Hz");
        assertEquals(c.targetSpectrum()[peak] - 20 * Math.log10(2), c.outputSpectrum()[peak], 0.01);
        assertEquals(c.outputSpectrum()[peak], c.residualSpectrum()[peak], 0.01);
    }
}
