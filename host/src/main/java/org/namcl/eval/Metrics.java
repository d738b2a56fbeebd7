package org.namcl.eval;

/**
 * The metrics of a model's output y against its target t, compared as y[n] against
 * t[n + latency] for n in a segment of the output, all sums in double precision.
 */
public final class Metrics {
    /** NAM's trainer's pre-emphasis coefficient: y[n] - 0.85 y[n-1]. */
    public static final double PRE_EMPHASIS = 0.85;

    private Metrics() {
    }

    /**
     * @param from first output sample compared
     * @param to   one past the last; every t[n + latency] of [from, to) must exist
     */
    public static PairMetrics compute(float[] output, float[] target, int latency, int from, int to) {
        if (from < 0 || to > output.length || from + latency < 0 || to + latency > target.length || from >= to) {
            throw new IllegalArgumentException("segment [" + from + ", " + to + ") at latency " + latency
                    + " does not fit an output of " + output.length + " and a target of " + target.length);
        }
        double err2 = 0;
        double t2 = 0;
        double y2 = 0;
        double ty = 0;
        double ySum = 0;
        double tSum = 0;
        double preErr2 = 0;
        double preT2 = 0;
        double yPeak = 0;
        double tPeak = 0;
        double ePeak = 0;
        for (int n = from; n < to; n++) {
            double y = output[n];
            double t = target[n + latency];
            double e = y - t;
            err2 += e * e;
            t2 += t * t;
            y2 += y * y;
            ty += t * y;
            ySum += y;
            tSum += t;
            yPeak = Math.max(yPeak, Math.abs(y));
            tPeak = Math.max(tPeak, Math.abs(t));
            ePeak = Math.max(ePeak, Math.abs(e));
            if (n > from) {
                double yp = y - PRE_EMPHASIS * output[n - 1];
                double tp = t - PRE_EMPHASIS * target[n - 1 + latency];
                double ep = yp - tp;
                preErr2 += ep * ep;
                preT2 += tp * tp;
            }
        }
        int length = to - from;
        double gain = y2 > 0 ? ty / y2 : Double.NaN;
        return new PairMetrics(latency, from, length,
                ratio(err2 / length, t2 / length),
                ratio(preErr2 / (length - 1), preT2 / (length - 1)),
                gain > 0 ? 20 * Math.log10(gain) : null,
                (ySum - tSum) / length,
                err2 > 0 ? 10 * Math.log10(err2 / length) : null,
                yPeak, tPeak, ePeak);
    }

    /** a / b, or null when b is zero (a silent target: the ratio is undefined, not infinite). */
    private static Double ratio(double a, double b) {
        return b > 0 ? a / b : null;
    }
}
