package org.namcl.render;

/** Measures the samples of an output as they are written ({@link Levels}), over all its channels. */
final class LevelMeter {
    private double peak;
    private double sum;
    private double sumSquares;
    private long samples;
    private long over;

    void add(float[][] src, int off, int n) {
        for (float[] channel : src) {
            for (int i = off; i < off + n; i++) {
                double x = channel[i];
                double a = Math.abs(x);
                if (a > peak) {
                    peak = a;
                }
                if (a > 1) {
                    over++;
                }
                sum += x;
                sumSquares += x * x;
            }
        }
        samples += (long) src.length * n;
    }

    Levels levels() {
        return Levels.of(peak, sum, sumSquares, samples, over);
    }
}
