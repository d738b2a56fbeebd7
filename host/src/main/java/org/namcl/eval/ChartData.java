package org.namcl.eval;

import java.util.Arrays;
import org.namcl.report.PowerSpectrum;

/**
 * What the HTML report draws of one (model, pair), reduced to a few thousand numbers so it can be
 * kept in the results database and the report rebuilt from there: all over the compared segment,
 * output y[n] against target t[n + latency].
 *
 * @param zoomStart     the zoom window's first output sample: 100,000 samples in, as NAM's trainer
 *                      plots (the middle of a shorter segment)
 * @param zoomOutput    the output over the window (at most 1,000 samples)
 * @param envelopeMin   per bucket of the whole segment, the output's minimum (index 0) and the
 *                      target's (index 1); envelopeMax likewise
 * @param frequencies   bin centres in Hz (log-spaced) of the magnitude spectra, in dB re full scale
 * @param errorSeconds  bucket centres of the error over time: the residual's RMS (dBFS) per bucket,
 *                      beside the target's
 */
public record ChartData(int sampleRate, long zoomStart, float[] zoomOutput, float[] zoomTarget,
                        float[][] envelopeMin, float[][] envelopeMax, long envelopeBucket,
                        double[] frequencies, double[] targetSpectrum, double[] outputSpectrum,
                        double[] residualSpectrum, double[] errorSeconds, double[] errorRmsDb, double[] targetRmsDb) {

    static final int ZOOM_OFFSET = 100_000;
    static final int ZOOM_LENGTH = 1_000;
    static final int ENVELOPE_BUCKETS = 600;
    static final int ERROR_BUCKETS = 200;
    static final int FFT = 4096;
    static final int SPECTRUM_FRAMES = 48;
    static final int SPECTRUM_BINS = 160;

    /** The charts of {@code output} against {@code target} over the segment {@code m} compared. */
    public static ChartData of(float[] output, float[] target, PairMetrics m, int sampleRate) {
        int from = (int) m.start();
        int length = (int) m.length();
        int lag = m.latency();
        int zoomLength = Math.min(ZOOM_LENGTH, length);
        int zoomStart = from + (length >= ZOOM_OFFSET + zoomLength ? ZOOM_OFFSET : (length - zoomLength) / 2);
        float[] zy = Arrays.copyOfRange(output, zoomStart, zoomStart + zoomLength);
        float[] zt = Arrays.copyOfRange(target, zoomStart + lag, zoomStart + lag + zoomLength);

        int buckets = Math.min(ENVELOPE_BUCKETS, length);
        long bucket = (length + buckets - 1) / buckets;
        buckets = (int) ((length + bucket - 1) / bucket);
        float[][] lo = new float[2][buckets];
        float[][] hi = new float[2][buckets];
        for (int b = 0; b < buckets; b++) {
            lo[0][b] = lo[1][b] = Float.MAX_VALUE;
            hi[0][b] = hi[1][b] = -Float.MAX_VALUE;
        }
        for (int i = 0; i < length; i++) {
            int b = (int) (i / bucket);
            float y = output[from + i];
            float t = target[from + i + lag];
            lo[0][b] = Math.min(lo[0][b], y);
            hi[0][b] = Math.max(hi[0][b], y);
            lo[1][b] = Math.min(lo[1][b], t);
            hi[1][b] = Math.max(hi[1][b], t);
        }

        int errBuckets = Math.min(ERROR_BUCKETS, length);
        double[] errAt = new double[errBuckets];
        double[] errDb = new double[errBuckets];
        double[] tDb = new double[errBuckets];
        for (int b = 0; b < errBuckets; b++) {
            int a = (int) ((long) length * b / errBuckets);
            int z = (int) ((long) length * (b + 1) / errBuckets);
            double e2 = 0;
            double t2 = 0;
            for (int i = a; i < z; i++) {
                double t = target[from + i + lag];
                double e = output[from + i] - t;
                e2 += e * e;
                t2 += t * t;
            }
            errAt[b] = (from + (a + z) / 2.0) / sampleRate;
            errDb[b] = PowerSpectrum.db(e2 / (z - a), PowerSpectrum.FLOOR_DB);
            tDb[b] = PowerSpectrum.db(t2 / (z - a), PowerSpectrum.FLOOR_DB);
        }

        Spectra s = spectra(output, target, from, length, lag, sampleRate);
        return new ChartData(sampleRate, zoomStart, zy, zt, lo, hi, bucket, s.frequencies, s.target, s.output,
                s.residual, errAt, errDb, tDb);
    }

    private record Spectra(double[] frequencies, double[] target, double[] output, double[] residual) {
    }

    /** Welch averages of Hann-windowed frames spread over the segment, gathered into log-spaced bins. */
    private static Spectra spectra(float[] output, float[] target, int from, int length, int lag, int rate) {
        int size = FFT;
        while (size > 64 && size > length) {
            size >>= 1;
        }
        int frames = Math.max(1, Math.min(SPECTRUM_FRAMES, length / size));
        PowerSpectrum[] spectra = {new PowerSpectrum(size), new PowerSpectrum(size), new PowerSpectrum(size)};
        double[][] buf = new double[3][size];
        for (int f = 0; f < frames; f++) {
            int start = from + (int) ((long) Math.max(0, length - size) * f / Math.max(1, frames - 1));
            for (int i = 0; i < size; i++) {
                boolean in = start + i < from + length;
                double y = in ? output[start + i] : 0;
                double t = in ? target[start + i + lag] : 0;
                buf[0][i] = t;
                buf[1][i] = y;
                buf[2][i] = y - t;
            }
            for (int k = 0; k < 3; k++) {
                spectra[k].add(buf[k]);
            }
        }
        return new Spectra(spectra[0].frequencies(rate, SPECTRUM_BINS), spectra[0].db(rate, SPECTRUM_BINS, PowerSpectrum.FLOOR_DB),
                spectra[1].db(rate, SPECTRUM_BINS, PowerSpectrum.FLOOR_DB), spectra[2].db(rate, SPECTRUM_BINS, PowerSpectrum.FLOOR_DB));
    }
}
