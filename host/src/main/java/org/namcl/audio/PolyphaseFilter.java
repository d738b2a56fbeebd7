package org.namcl.audio;

/**
 * A Kaiser-windowed sinc low-pass for resampling by L/M, designed in double and stored in float
 * as L phases of {@link #taps()} coefficients each.
 *
 * <p>The prototype runs at L times the input rate and is centred on zero (linear phase, no
 * delay). Output sample j sits at input position t = j*M/L = q + r/L, and is
 * {@code sum_k phase(r)[k] * x[q - halfTaps + k]}, so every phase is stored already reversed.
 */
final class PolyphaseFilter {

    /** Passband edge as a fraction of the lower of the two Nyquist frequencies. */
    static final double PASSBAND_EDGE = 0.90;
    /** Stopband edge: at the lower Nyquist, so nothing above it aliases or images unattenuated. */
    static final double STOPBAND_EDGE = 1.00;
    /** Kaiser design target for both the stopband attenuation and the passband ripple. */
    static final double DESIGN_ATTENUATION_DB = 130;

    private final int up;
    private final int down;
    private final int halfTaps;
    private final int taps;
    private final float[] coefficients;

    private PolyphaseFilter(int up, int down, int halfTaps, float[] coefficients) {
        this.up = up;
        this.down = down;
        this.halfTaps = halfTaps;
        this.taps = 2 * halfTaps + 1;
        this.coefficients = coefficients;
    }

    /** The identity: one phase, one tap of 1. */
    static PolyphaseFilter passThrough() {
        return new PolyphaseFilter(1, 1, 0, new float[] {1f});
    }

    /** Designs the filter for up-sampling by {@code up} then down-sampling by {@code down} (coprime). */
    static PolyphaseFilter design(int up, int down) {
        // Frequencies in cycles per input sample.
        double lowerNyquist = 0.5 * Math.min(1.0, (double) up / down);
        double cutoff = 0.5 * (PASSBAND_EDGE + STOPBAND_EDGE) * lowerNyquist;
        double transition = (STOPBAND_EDGE - PASSBAND_EDGE) * lowerNyquist;

        // Kaiser's formulas, with the length converted to input samples on each side of the centre.
        double a = DESIGN_ATTENUATION_DB;
        double beta = 0.1102 * (a - 8.7);
        int halfTaps = (int) Math.ceil((a - 7.95) / (2.285 * 2 * Math.PI * transition) / 2);
        double halfLength = (double) halfTaps * up; // in prototype samples
        double windowNorm = besselI0(beta);

        int taps = 2 * halfTaps + 1;
        float[] coefficients = new float[up * taps];
        double[] phase = new double[taps];
        for (int r = 0; r < up; r++) {
            double sum = 0;
            for (int k = 0; k < taps; k++) {
                // Prototype index n of tap k in phase r; |n| <= halfLength except where it is zero.
                long n = (long) (halfTaps - k) * up + r;
                double h = 0;
                if (Math.abs(n) <= halfLength) {
                    double t = (double) n / up;
                    double u = n / halfLength;
                    h = 2 * cutoff * sinc(2 * cutoff * t) * besselI0(beta * Math.sqrt(1 - u * u)) / windowNorm;
                }
                phase[k] = h;
                sum += h;
            }
            // Unit DC gain in every phase: a constant input gives a constant output, with no
            // ripple at the phase-cycling rate.
            for (int k = 0; k < taps; k++) {
                coefficients[r * taps + k] = (float) (phase[k] / sum);
            }
        }
        return new PolyphaseFilter(up, down, halfTaps, coefficients);
    }

    private static double sinc(double x) {
        if (x == 0) {
            return 1;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    /** Modified Bessel function of the first kind, order 0, by its power series. */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double halfX = x / 2;
        for (int k = 1; term > 1e-17 * sum; k++) {
            term *= (halfX / k) * (halfX / k);
            sum += term;
        }
        return sum;
    }

    int up() {
        return up;
    }

    int down() {
        return down;
    }

    /** Input samples on each side of the centre tap. */
    int halfTaps() {
        return halfTaps;
    }

    /** Coefficients per phase. */
    int taps() {
        return taps;
    }

    /** y = sum_k phase(r)[k] * x[start + k] in double, from float coefficients and samples. */
    float apply(int phase, float[] x, int start) {
        int base = phase * taps;
        double acc = 0;
        for (int k = 0; k < taps; k++) {
            acc += (double) coefficients[base + k] * x[start + k];
        }
        return (float) acc;
    }
}
