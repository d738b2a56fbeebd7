package org.namcl.report;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * A Welch power spectrum: Hann-windowed frames of one size, their powers averaged, scaled so a
 * full-scale sine reads 0 dB at its bin; then gathered into log-spaced bins for a chart.
 */
public final class PowerSpectrum {
    /** Levels of exact silence are drawn at a floor rather than at minus infinity; this one suits signals. */
    public static final double FLOOR_DB = -160;

    private final int size;
    private final double[] window;
    private final double windowSum;
    private final double[] power;
    private final double[] buffer;
    private int frames;

    public PowerSpectrum(int size) {
        this.size = size;
        this.window = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / size);
            sum += window[i];
        }
        this.windowSum = sum;
        this.power = new double[size / 2 + 1];
        this.buffer = new double[size];
    }

    public int size() {
        return size;
    }

    /** Adds one frame of {@link #size} samples (it is not changed). */
    public void add(double[] frame) {
        for (int i = 0; i < size; i++) {
            buffer[i] = window[i] * frame[i];
        }
        DoubleFFT_1D fft = Fft.of(size);
        fft.realForward(buffer);
        for (int i = 0; i <= size / 2; i++) {
            // JTransforms packs bins 0 and size/2 (real) first
            double re = (i == 0 ? buffer[0] : i == size / 2 ? buffer[1] : buffer[2 * i]) * 2 / windowSum;
            double im = i == 0 || i == size / 2 ? 0 : buffer[2 * i + 1] * 2 / windowSum;
            power[i] += re * re + im * im;
        }
        frames++;
    }

    /** Log-spaced bin centres from 20 Hz (or one bin) to half the rate. */
    public double[] frequencies(int rate, int bins) {
        double[] f = new double[bins];
        for (int b = 0; b < bins; b++) {
            f[b] = Math.sqrt(edge(rate, bins, b) * edge(rate, bins, b + 1));
        }
        return f;
    }

    /** The mean power in dB, at least {@code floorDb}, over each of {@code bins} log-spaced bands. */
    public double[] db(int rate, int bins, double floorDb) {
        double binHz = rate / (double) size;
        double[] out = new double[bins];
        for (int b = 0; b < bins; b++) {
            int i0 = (int) Math.round(edge(rate, bins, b) / binHz);
            int i1 = Math.max(i0 + 1, (int) Math.round(edge(rate, bins, b + 1) / binHz));
            double sum = 0;
            int n = 0;
            for (int i = i0; i < i1 && i <= size / 2; i++) {
                sum += power[i];
                n++;
            }
            out[b] = db((n == 0 ? power[Math.min(i0, size / 2)] : sum / n) / Math.max(1, frames), floorDb);
        }
        return out;
    }

    private double edge(int rate, int bins, int b) {
        double low = Math.max(20, rate / (double) size);
        double high = rate / 2.0;
        return low * Math.pow(high / low, b / (double) bins);
    }

    /** A power (mean square) in dB, at least {@code floorDb}. */
    public static double db(double power, double floorDb) {
        return power > 0 ? Math.max(floorDb, 10 * Math.log10(power)) : floorDb;
    }
}
