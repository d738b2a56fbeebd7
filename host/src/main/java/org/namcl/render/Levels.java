package org.namcl.render;

/**
 * An output's levels, as the report gives them: the peak and the RMS in dBFS (full scale is 1.0;
 * null for digital silence, which has no level in dB), the DC offset (the mean sample) and how
 * many samples lie beyond full scale (|x| > 1: a float file keeps them, players clip them; PCM
 * clips them when writing). Rounded to what is meaningful: 0.01 dB, DC to 1e-6 (-120 dBFS).
 */
public record Levels(Double peakDbfs, Double rmsDbfs, double dc, long samplesOverFullScale) {

    /** Levels of {@code samples} samples given their peak, sum and sum of squares. */
    static Levels of(double peak, double sum, double sumSquares, long samples, long over) {
        double n = Math.max(samples, 1);
        return new Levels(dbfs(peak), dbfs(Math.sqrt(sumSquares / n)), Rounding.places(sum / n, 6), over);
    }

    private static Double dbfs(double amplitude) {
        return amplitude > 0 ? Rounding.places(20 * Math.log10(amplitude), 2) : null;
    }
}
