package org.namcl.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Length, streaming and round-trip behaviour of {@link Resampler}; quality is in ResamplerQualityTest. */
class ResamplerTest {

    @ParameterizedTest
    @CsvSource({"48000,44100", "44100,48000", "44100,96000", "192000,16000", "16000,48000", "32000,22050"})
    void outputLengthIsCeilOfScaledInputLength(int from, int to) {
        for (int n : new int[] {0, 1, 2, 7, 100, 1001, 4097, 12345}) {
            long expected = ((long) n * to + from - 1) / from;
            assertEquals(expected, Resampler.resample(new float[n], from, to).length, n + " samples");
        }
    }

    @ParameterizedTest
    @CsvSource({"48000,44100", "44100,96000", "96000,48000", "192000,16000"})
    void streamingInAnyBlockSizesEqualsOneShot(int from, int to) {
        float[] x = noise(30_000, 1);
        float[] oneShot = Resampler.resample(x, from, to);
        Random random = new Random(2);
        int[][] schedules = {{1}, {7}, {13, 4096}, {4096}, {5000}, {30_000}, random.ints(50, 1, 2000).toArray()};
        for (int[] schedule : schedules) {
            assertArrayEquals(oneShot, streamed(x, from, to, schedule), "blocks " + Arrays.toString(schedule));
        }
    }

    /** Feeds x in blocks cycling through the given sizes, checking the documented capacities. */
    private static float[] streamed(float[] x, int from, int to, int[] blockSizes) {
        Resampler resampler = new Resampler(from, to);
        float[] out = new float[resampler.maxOutput(x.length) + 1];
        int written = 0;
        for (int done = 0, b = 0; done < x.length; b++) {
            int n = Math.min(blockSizes[b % blockSizes.length], x.length - done);
            int produced = resampler.process(x, done, n, out, written);
            assertTrue(produced <= resampler.maxOutput(n));
            written += produced;
            done += n;
        }
        int pending = resampler.pendingOutput();
        assertEquals(pending, resampler.flush(out, written));
        assertEquals(0, resampler.flush(out, written + pending));
        return Arrays.copyOf(out, written + pending);
    }

    @Test
    void roundTripRecoversABandLimitedSignal() {
        int rate = 48000;
        float[] x = bandLimited(rate, 2 * rate, 0.85 * 22050);
        float[] back = Resampler.resample(Resampler.resample(x, rate, 44100), 44100, rate);
        assertEquals(x.length, back.length);
        // The ends see the zeros around the signal; the middle must come back intact.
        int margin = rate / 50;
        double error = 0;
        double power = 0;
        for (int i = margin; i < x.length - margin; i++) {
            error += (back[i] - x[i]) * (double) (back[i] - x[i]);
            power += x[i] * (double) x[i];
        }
        double db = 10 * Math.log10(error / power);
        assertTrue(db < -130, "round-trip error " + db + " dB");
    }

    @Test
    void equalRatesPassSamplesThrough() {
        float[] x = noise(1000, 3);
        assertArrayEquals(x, Resampler.resample(x, 44100, 44100));
    }

    @Test
    void constantInputGivesConstantOutput() {
        float[] x = new float[10_000];
        Arrays.fill(x, 0.75f);
        float[] y = Resampler.resample(x, 44100, 48000);
        for (int j = 1000; j < y.length - 1000; j++) {
            assertEquals(0.75f, y[j], 1e-6f, "sample " + j);
        }
    }

    @Test
    void impulseStaysWhereItWas() {
        float[] x = new float[2000];
        x[1000] = 1;
        float[] y = Resampler.resample(x, 48000, 96000);
        int peak = 0;
        for (int j = 0; j < y.length; j++) {
            peak = Math.abs(y[j]) > Math.abs(y[peak]) ? j : peak;
        }
        assertEquals(2000, peak);
        for (int k = 1; k < 300; k++) {
            assertEquals(y[2000 - k], y[2000 + k], 1e-7f, "symmetry at " + k);
        }
    }

    @Test
    void refusesRatiosTooFineToTabulate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Resampler(44100, 44101));
        assertTrue(e.getMessage().contains("44101"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Resampler(0, 48000));
    }

    @Test
    void processAfterFlushIsAnError() {
        Resampler resampler = new Resampler(48000, 44100);
        resampler.flush(new float[0], 0);
        assertThrows(IllegalStateException.class, () -> resampler.process(new float[1], 0, 1, new float[1], 0));
    }

    @Test
    void tooSmallOutputIsRefusedBeforeConsumingInput() {
        Resampler resampler = new Resampler(44100, 48000);
        assertThrows(IllegalArgumentException.class, () -> resampler.process(new float[100], 0, 100, new float[50], 0));
    }

    private static float[] noise(int n, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (random.nextGaussian() * 0.2);
        }
        return x;
    }

    /** A sum of sines with random frequencies below {@code maxHz} and random phases. */
    private static float[] bandLimited(int rate, int n, double maxHz) {
        Random random = new Random(4);
        double[] f = random.doubles(24, 20, maxHz).toArray();
        double[] phase = random.doubles(24, 0, 2 * Math.PI).toArray();
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int k = 0; k < f.length; k++) {
                sum += Math.sin(2 * Math.PI * f[k] * i / rate + phase[k]);
            }
            x[i] = (float) (sum / f.length);
        }
        return x;
    }
}
