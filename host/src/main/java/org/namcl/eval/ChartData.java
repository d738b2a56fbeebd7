package org.namcl.eval;

import java.util.Arrays;
import org.jtransforms.fft.DoubleFFT_1D;

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
    /** Levels of exact silence are drawn here rather than at minus infinity. */
    static final double FLOOR_DB = -160;

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
            errDb[b] = db(e2 / (z - a));
            tDb[b] = db(t2 / (z - a));
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
        double[] window = new double[size];
        double windowSum = 0;
        for (int i = 0; i < size; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / size);
            windowSum += window[i];
        }
        int frames = Math.max(1, Math.min(SPECTRUM_FRAMES, length / size));
        double[][] power = new double[3][size / 2 + 1];
        double[][] buf = new double[3][size];
        DoubleFFT_1D fft = Fft.of(size);
        for (int f = 0; f < frames; f++) {
            int start = from + (int) ((long) Math.max(0, length - size) * f / Math.max(1, frames - 1));
            for (int i = 0; i < size; i++) {
                boolean in = start + i < from + length;
                double y = in ? output[start + i] : 0;
                double t = in ? target[start + i + lag] : 0;
                buf[0][i] = window[i] * t;
                buf[1][i] = window[i] * y;
                buf[2][i] = window[i] * (y - t);
            }
            for (int k = 0; k < 3; k++) {
                fft.realForward(buf[k]);
                for (int i = 0; i <= size / 2; i++) {
                    // JTransforms packs bins 0 and size/2 (real) first; a full-scale sine at bin i reads 0 dB
                    double re = (i == 0 ? buf[k][0] : i == size / 2 ? buf[k][1] : buf[k][2 * i]) * 2 / windowSum;
                    double im = i == 0 || i == size / 2 ? 0 : buf[k][2 * i + 1] * 2 / windowSum;
                    power[k][i] += (re * re + im * im) / frames;
                }
            }
        }
        double binHz = rate / (double) size;
        double low = Math.max(20, binHz);
        double high = rate / 2.0;
        double[] freqs = new double[SPECTRUM_BINS];
        double[][] out = new double[3][SPECTRUM_BINS];
        for (int b = 0; b < SPECTRUM_BINS; b++) {
            double f0 = low * Math.pow(high / low, b / (double) SPECTRUM_BINS);
            double f1 = low * Math.pow(high / low, (b + 1) / (double) SPECTRUM_BINS);
            freqs[b] = Math.sqrt(f0 * f1);
            int i0 = (int) Math.round(f0 / binHz);
            int i1 = Math.max(i0 + 1, (int) Math.round(f1 / binHz));
            for (int k = 0; k < 3; k++) {
                double sum = 0;
                int n = 0;
                for (int i = i0; i < i1 && i <= size / 2; i++) {
                    sum += power[k][i];
                    n++;
                }
                out[k][b] = db(n == 0 ? power[k][Math.min(i0, size / 2)] : sum / n);
            }
        }
        return new Spectra(freqs, out[0], out[1], out[2]);
    }

    /** A power (mean square) in dB, floored. */
    private static double db(double power) {
        return power > 0 ? Math.max(FLOOR_DB, 10 * Math.log10(power)) : FLOOR_DB;
    }
}
