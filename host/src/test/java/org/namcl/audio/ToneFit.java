package org.namcl.audio;

/** Least-squares fit of a sine of known frequency to a window of a signal. */
final class ToneFit {

    final double amplitude;
    /** Phase of the fitted sine at sample 0, in radians. */
    final double phase;
    /** RMS of what the sine leaves unexplained. */
    final double residualRms;

    /** Fits a*sin(omega*j) + b*cos(omega*j) over y[from..to). */
    ToneFit(float[] y, int from, int to, double omega) {
        double ss = 0, sc = 0, cc = 0, ys = 0, yc = 0;
        for (int j = from; j < to; j++) {
            double s = Math.sin(omega * j);
            double c = Math.cos(omega * j);
            ss += s * s;
            sc += s * c;
            cc += c * c;
            ys += y[j] * s;
            yc += y[j] * c;
        }
        double det = ss * cc - sc * sc;
        double a = (ys * cc - yc * sc) / det;
        double b = (yc * ss - ys * sc) / det;
        amplitude = Math.hypot(a, b);
        phase = Math.atan2(b, a);
        double sum = 0;
        for (int j = from; j < to; j++) {
            double e = y[j] - a * Math.sin(omega * j) - b * Math.cos(omega * j);
            sum += e * e;
        }
        residualRms = Math.sqrt(sum / (to - from));
    }

    /** RMS of a whole window, for signals that should have vanished. */
    static double rms(float[] y, int from, int to) {
        double sum = 0;
        for (int j = from; j < to; j++) {
            sum += (double) y[j] * y[j];
        }
        return Math.sqrt(sum / (to - from));
    }
}
