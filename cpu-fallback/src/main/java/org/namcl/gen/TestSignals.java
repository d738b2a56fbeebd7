package org.namcl.gen;

import java.util.Random;

/** Inputs that stress a renderer: silence, impulses, full-scale squares, DC, noise, sines and sweeps. */
public final class TestSignals {
    private TestSignals() {
    }

    /** {@code n} samples cycling through segments of every kind, lengths and order from {@code seed}. */
    public static float[] mixed(int n, long seed) {
        Random rnd = new Random(seed);
        float[] x = new float[n];
        int kind = rnd.nextInt(6);
        for (int at = 0; at < n; ) {
            int len = Math.min(n - at, 200 + rnd.nextInt(3000));
            switch (kind) {
                case 0 -> { } // silence
                case 1 -> x[at + rnd.nextInt(len)] = rnd.nextBoolean() ? 1f : -1f; // impulse in silence
                case 2 -> { // full-scale square
                    int period = 2 + rnd.nextInt(200);
                    for (int i = 0; i < len; i++) {
                        x[at + i] = (i % period) < period / 2 ? 1f : -1f;
                    }
                }
                case 3 -> { // DC step
                    float level = rnd.nextFloat() * 2 - 1;
                    for (int i = 0; i < len; i++) {
                        x[at + i] = level;
                    }
                }
                case 4 -> {
                    for (int i = 0; i < len; i++) {
                        x[at + i] = (float) (rnd.nextGaussian() * 0.3);
                    }
                }
                default -> {
                    double f = 20 + rnd.nextDouble() * 8000;
                    for (int i = 0; i < len; i++) {
                        x[at + i] = (float) (0.8 * Math.sin(2 * Math.PI * f * i / 48000));
                    }
                }
            }
            at += len;
            kind = (kind + 1 + rnd.nextInt(5)) % 6;
        }
        return x;
    }

    /** A logarithmic sine sweep from 20 Hz to 20 kHz at 48 kHz over {@code n} samples, peak 0.9. */
    public static float[] sweep(int n) {
        float[] x = new float[n];
        double f0 = 20;
        double k = Math.log(20_000 / f0);
        double seconds = n / 48_000.0;
        for (int i = 0; i < n; i++) {
            double t = i / 48_000.0;
            // phase of a sweep whose frequency is f0 · e^(k t / T)
            x[i] = (float) (0.9 * Math.sin(2 * Math.PI * f0 * seconds / k * (Math.exp(k * t / seconds) - 1)));
        }
        return x;
    }
}
