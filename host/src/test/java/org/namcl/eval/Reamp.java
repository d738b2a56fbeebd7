package org.namcl.eval;

import java.util.Random;

/** Targets as a reamp records them, built in the test from a model's output, and the test's own ESR. */
public final class Reamp {
    private Reamp() {
    }

    /** {@code y} delayed by {@code delay} samples, scaled by {@code gainDb}, plus seeded Gaussian noise; {@code extra} samples longer. */
    public static float[] target(float[] y, int delay, double gainDb, double noise, int extra) {
        Random rnd = new Random(5);
        double g = Math.pow(10, gainDb / 20);
        float[] t = new float[y.length + extra];
        for (int i = 0; i < t.length; i++) {
            int src = i - delay;
            double clean = src >= 0 && src < y.length ? g * y[src] : 0;
            t[i] = (float) (clean + noise * rnd.nextGaussian());
        }
        return t;
    }

    /** mean((y[n] - t[n + delay])^2) / mean(t[n + delay]^2) over n in [from, to), the plain way. */
    public static double esr(float[] y, float[] t, int delay, int from, int to) {
        double num = 0;
        double den = 0;
        for (int n = from; n < to; n++) {
            double d = (double) y[n] - t[n + delay];
            num += d * d / (to - from);
            den += (double) t[n + delay] * t[n + delay] / (to - from);
        }
        return num / den;
    }
}
