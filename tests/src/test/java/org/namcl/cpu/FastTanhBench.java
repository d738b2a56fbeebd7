package org.namcl.cpu;

import java.util.Random;

/**
 * Rough benchmark: ns per element of tanh over a 4096-float array, for Math.tanh, for a loop of scalar
 * FastTanh.tanh calls, and for FastTanh.tanhInPlace (whose time includes an arraycopy to restore the input).
 * Each figure is the best of five runs of about 50 ms.
 * Run it after {@code mvn test-compile}:
 * {@code java -cp cpu-fallback/target/classes:cpu-fallback/target/test-classes org.namcl.cpu.FastTanhBench}.
 * Add -XX:-UseSuperWord to see the same loops without C2's auto-vectorisation.
 */
public final class FastTanhBench {

    private static final int N = 4096;

    private interface Kernel {
        void run(float[] src, float[] dst);
    }

    public static void main(String[] args) {
        float[] src = new float[N];
        Random rnd = new Random(1);
        for (int i = 0; i < N; i++) {
            src[i] = (rnd.nextFloat() - 0.5f) * 8f;
        }
        float[] dst = new float[N];
        Kernel mathTanh = (s, d) -> {
            for (int i = 0; i < N; i++) {
                d[i] = (float) Math.tanh(s[i]);
            }
        };
        Kernel scalarCalls = (s, d) -> {
            for (int i = 0; i < N; i++) {
                d[i] = FastTanh.tanh(s[i]);
            }
        };
        Kernel inPlace = (s, d) -> {
            System.arraycopy(s, 0, d, 0, N);
            FastTanh.tanhInPlace(d, 0, N);
        };
        for (int round = 0; round < 2; round++) { // the first round is warm-up
            double m = nsPerElement(mathTanh, src, dst);
            double c = nsPerElement(scalarCalls, src, dst);
            double p = nsPerElement(inPlace, src, dst);
            if (round == 1) {
                System.out.printf("ns/element: Math.tanh %.2f, FastTanh.tanh calls %.2f, FastTanh.tanhInPlace %.2f"
                        + " (%.0fx faster than Math.tanh)%n", m, c, p, m / p);
            }
        }
    }

    private static double nsPerElement(Kernel kernel, float[] src, float[] dst) {
        int reps = 1;
        long t;
        do { // calibrate to about 50 ms
            reps *= 2;
            t = time(kernel, src, dst, reps);
        } while (t < 50_000_000L);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            best = Math.min(best, time(kernel, src, dst, reps));
        }
        return best / ((double) reps * N);
    }

    private static long time(Kernel kernel, float[] src, float[] dst, int reps) {
        long t0 = System.nanoTime();
        for (int r = 0; r < reps; r++) {
            kernel.run(src, dst);
        }
        long t = System.nanoTime() - t0;
        if (Float.isNaN(dst[N / 2])) { // keeps the results live
            throw new AssertionError();
        }
        return t;
    }
}
