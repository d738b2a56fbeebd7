package org.namcl.samples;

/** Single-bin DFTs, written here so the tests do not share code with what they test. */
final class Spectrum {
    private Spectrum() {
    }

    /**
     * Amplitude of the component at {@code hz} in {@code y[from, from + len)}: 2/len · |Σ y e^{-jωn}|.
     * Exact (no leakage) when the window holds a whole number of its periods.
     */
    static double amplitude(float[] y, int from, int len, double hz, double sampleRate) {
        double w = 2 * Math.PI * hz / sampleRate;
        double re = 0;
        double im = 0;
        for (int n = 0; n < len; n++) {
            re += y[from + n] * Math.cos(w * n);
            im -= y[from + n] * Math.sin(w * n);
        }
        return 2 * Math.hypot(re, im) / len;
    }

    /** |H| of an FIR at {@code hz}. */
    static double response(double[] taps, double hz, double sampleRate) {
        double w = 2 * Math.PI * hz / sampleRate;
        double re = 0;
        double im = 0;
        for (int n = 0; n < taps.length; n++) {
            re += taps[n] * Math.cos(w * n);
            im -= taps[n] * Math.sin(w * n);
        }
        return Math.hypot(re, im);
    }

    static double db(double ratio) {
        return 20 * Math.log10(ratio);
    }
}
