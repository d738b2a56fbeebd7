package org.namcl.audio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Measures the resampler's frequency response with sine tones, end to end through the float
 * implementation; the numbers printed are the ones quoted in {@link Resampler}'s javadoc.
 *
 * <p>Passband tones must come out at their input amplitude and at the right time. Stopband:
 * when down-sampling, tones above the lower Nyquist must vanish instead of aliasing; when
 * up-sampling, every tone's images (at multiples of the input rate, minus and plus the tone)
 * must vanish, which is what the fitted tone leaves unexplained.
 */
class ResamplerQualityTest {

    private static final int[][] RATE_PAIRS = {
        {44100, 48000}, {48000, 44100}, {48000, 96000}, {96000, 48000}, {96000, 44100}, {44100, 96000}};
    private static final double AMPLITUDE = 0.5;
    private static final double DURATION_S = 0.1;
    /** Edges left out of every fit, well beyond the filter's reach into the zero padding. */
    private static final double MARGIN_S = 0.01;
    private static final int TONES = 30;
    /** Extra tones in the first 2% of the stopband, where a Kaiser design's sidelobes peak. */
    private static final int EDGE_TONES = 10;

    /** Asserted bounds, a little looser than measured here (1.5e-6 dB, -133.7 dB, 131.0 dB). */
    private static final double MAX_RIPPLE_DB = 1e-5;
    private static final double MAX_ERROR_VS_IDEAL_DB = -120;
    private static final double MIN_STOPBAND_DB = 128;

    @Test
    void passbandIsFlatAndAlignedAndStopbandIsDeep() {
        double worstRipple = 0;
        double worstError = -Double.MAX_VALUE;
        double worstStopband = Double.MAX_VALUE;
        for (int[] pair : RATE_PAIRS) {
            int from = pair[0];
            int to = pair[1];
            double lowerNyquist = Math.min(from, to) / 2.0;
            for (int i = 1; i <= TONES; i++) {
                Tone tone = Tone.through(from, to, PolyphaseFilter.PASSBAND_EDGE * lowerNyquist * i / TONES);
                worstRipple = Math.max(worstRipple, Math.abs(db(tone.fit().amplitude / AMPLITUDE)));
                worstError = Math.max(worstError, db(tone.errorAgainstIdeal() / rms()));
            }
            for (double f : stopbandProbes(from, to)) {
                Tone tone = Tone.through(from, to, f);
                double left = to < from ? tone.outputRms() : tone.fit().residualRms;
                worstStopband = Math.min(worstStopband, -db(left / rms()));
            }
        }
        System.out.printf(Locale.ROOT, "resampler: passband ripple %.7f dB, error vs ideal %.1f dB,"
                + " stopband attenuation %.1f dB%n", worstRipple, worstError, worstStopband);
        assertTrue(worstRipple <= MAX_RIPPLE_DB, "passband ripple " + worstRipple + " dB");
        assertTrue(worstError <= MAX_ERROR_VS_IDEAL_DB, "error against the ideal " + worstError + " dB");
        assertTrue(worstStopband >= MIN_STOPBAND_DB, "stopband attenuation " + worstStopband + " dB");
    }

    /**
     * Input tones whose output (down-sampling) or images (up-sampling) lie in the stopband, from
     * its edge on. An up-sampled tone at f has its first image at fromRate - f.
     */
    private static double[] stopbandProbes(int from, int to) {
        double nyquist = from / 2.0;
        double edge = PolyphaseFilter.STOPBAND_EDGE * Math.min(from, to) / 2.0;
        double[] probes = new double[TONES + EDGE_TONES];
        for (int i = 0; i < probes.length; i++) {
            double distance = i < TONES ? (nyquist - edge) * i / TONES : 0.02 * edge * (i - TONES + 1) / EDGE_TONES;
            probes[i] = to < from ? edge + distance : from - edge - distance;
        }
        return probes;
    }

    private static double rms() {
        return AMPLITUDE / Math.sqrt(2);
    }

    private static double db(double ratio) {
        return 20 * Math.log10(ratio);
    }

    /** One sine tone resampled, with the window of output that is measured. */
    private record Tone(float[] out, double omega, int start, int end) {

        static Tone through(int from, int to, double frequency) {
            float[] in = new float[(int) (DURATION_S * from)];
            for (int i = 0; i < in.length; i++) {
                in[i] = (float) (AMPLITUDE * Math.sin(2 * Math.PI * frequency * i / from));
            }
            float[] out = Resampler.resample(in, from, to);
            int margin = (int) (MARGIN_S * to);
            return new Tone(out, 2 * Math.PI * frequency / to, margin, out.length - margin);
        }

        ToneFit fit() {
            return new ToneFit(out, start, end, omega);
        }

        /** RMS difference from the input tone evaluated at the output sample times. */
        double errorAgainstIdeal() {
            double sum = 0;
            for (int j = start; j < end; j++) {
                double e = out[j] - AMPLITUDE * Math.sin(omega * j);
                sum += e * e;
            }
            return Math.sqrt(sum / (end - start));
        }

        double outputRms() {
            return ToneFit.rms(out, start, end);
        }
    }
}
