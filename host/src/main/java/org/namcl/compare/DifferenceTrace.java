package org.namcl.compare;

import org.namcl.report.PowerSpectrum;

/**
 * What the HTML report draws of one pair, gathered as the rendering streams past: the
 * difference's RMS over time beside the baseline's (a few hundred buckets), and the Welch
 * spectrum of the difference (first channel). Bounded whatever the length.
 */
final class DifferenceTrace {
    static final int BUCKETS = 200;
    static final int FFT = 4096;
    static final int SPECTRUM_BINS = 160;
    /**
     * Where exact equality is drawn: engines differ by float32 rounding, 1e-8 of full scale
     * (-160 dB) and below, so the floor sits far under that.
     */
    static final double FLOOR_DB = -320;

    private final int rate;
    private final long bucketFrames;
    private final double[] errorEnergy;
    private final double[] baselineEnergy;
    private final long[] counted;
    private final PowerSpectrum spectrum;
    private final double[] frame;
    private int inFrame;
    private long position;

    /** @param frames the expected length (the input's), which sets the buckets */
    DifferenceTrace(long frames, int rate) {
        this.rate = rate;
        int buckets = (int) Math.max(1, Math.min(BUCKETS, frames));
        this.bucketFrames = Math.max(1, (frames + buckets - 1) / buckets);
        this.errorEnergy = new double[buckets];
        this.baselineEnergy = new double[buckets];
        this.counted = new long[buckets];
        int size = FFT;
        while (size > 64 && size > frames) {
            size >>= 1;
        }
        this.spectrum = new PowerSpectrum(size);
        this.frame = new double[size];
    }

    /** The next {@code n} frames, as {@link SignalDifference#add} takes them. */
    void add(float[][] baseline, int bOff, float[][] other, int oOff, int channels, int n) {
        for (int i = 0; i < n; i++) {
            int bucket = (int) Math.min(errorEnergy.length - 1, (position + i) / bucketFrames);
            for (int c = 0; c < channels; c++) {
                double b = baseline[c][bOff + i];
                double d = other[c][oOff + i] - b;
                if (Double.isFinite(d)) {
                    errorEnergy[bucket] += d * d;
                    baselineEnergy[bucket] += b * b;
                }
                if (c == 0) {
                    frame[inFrame++] = Double.isFinite(d) ? d : 0;
                }
            }
            counted[bucket] += channels;
            if (inFrame == frame.length) {
                spectrum.add(frame);
                inFrame = 0;
            }
        }
        position += n;
    }

    /** The charts' data: bucket centres (s), error and baseline RMS (dBFS), spectrum bins (Hz, dB). */
    record Trace(double[] seconds, double[] errorDb, double[] baselineDb, double[] frequencies, double[] differenceDb) {
    }

    Trace finish() {
        if (inFrame > 0) {
            java.util.Arrays.fill(frame, inFrame, frame.length, 0);
            spectrum.add(frame);
            inFrame = 0;
        }
        int used = 0;
        while (used < counted.length && counted[used] > 0) {
            used++;
        }
        double[] at = new double[used];
        double[] err = new double[used];
        double[] base = new double[used];
        for (int b = 0; b < used; b++) {
            at[b] = (b + 0.5) * bucketFrames / rate;
            err[b] = PowerSpectrum.db(errorEnergy[b] / counted[b], FLOOR_DB);
            base[b] = PowerSpectrum.db(baselineEnergy[b] / counted[b], FLOOR_DB);
        }
        return new Trace(at, err, base, spectrum.frequencies(rate, SPECTRUM_BINS), spectrum.db(rate, SPECTRUM_BINS, FLOOR_DB));
    }
}
