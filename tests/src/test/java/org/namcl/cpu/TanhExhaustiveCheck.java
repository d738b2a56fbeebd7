package org.namcl.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures what the tanh class comments state, over every non-negative float below 12 (the rest
 * through oddness, which is checked too, and saturation, which {@link FastTanhTest} checks beyond
 * 12): the largest error in ulps (below and from 1e-3), the largest absolute error, the first
 * float from which the result is exactly 1, every step down between adjacent floats, and any
 * result above 1 or above |x|. About half a minute a function on two cores. Run it after
 * {@code mvn test-compile}: {@code java -cp cpu-fallback/target/classes:tests/target/test-classes
 * org.namcl.cpu.TanhExhaustiveCheck}.
 */
public final class TanhExhaustiveCheck {
    private static final int TOP = Float.floatToRawIntBits(12f);

    private TanhExhaustiveCheck() {
    }

    /** What one stretch of floats showed; merged in order. */
    private static final class Facts {
        double maxUlp;
        float worst;
        double maxUlpTiny;
        double maxAbs;
        float lastBelowOne;
        long decreases;
        long decreasesOverOneUlp;
        float firstDecrease = Float.NaN;
        float lastDecrease = Float.NaN;
        long outOfRange;
        long notOdd;

        void merge(Facts o) {
            if (o.maxUlp > maxUlp) {
                maxUlp = o.maxUlp;
                worst = o.worst;
            }
            maxUlpTiny = Math.max(maxUlpTiny, o.maxUlpTiny);
            maxAbs = Math.max(maxAbs, o.maxAbs);
            lastBelowOne = Math.max(lastBelowOne, o.lastBelowOne);
            decreases += o.decreases;
            decreasesOverOneUlp += o.decreasesOverOneUlp;
            if (Float.isNaN(firstDecrease)) {
                firstDecrease = o.firstDecrease;
            }
            if (!Float.isNaN(o.lastDecrease)) {
                lastDecrease = o.lastDecrease;
            }
            outOfRange += o.outOfRange;
            notOdd += o.notOdd;
        }
    }

    private static Facts scan(TanhFunction.Scalar f, int from, int to) {
        Facts r = new Facts();
        float previous = f.tanh(Float.intBitsToFloat(Math.max(from - 1, 0)));
        for (int bits = from; bits < to; bits++) {
            float x = Float.intBitsToFloat(bits);
            float y = f.tanh(x);
            double t = Math.tanh(x);
            double abs = Math.abs(y - t);
            double ulps = abs / TanhFunction.ulpOf(t);
            if (x < 1e-3f) {
                r.maxUlpTiny = Math.max(r.maxUlpTiny, ulps);
            } else if (ulps > r.maxUlp) {
                r.maxUlp = ulps;
                r.worst = x;
            }
            r.maxAbs = Math.max(r.maxAbs, abs);
            if (y != 1f) {
                r.lastBelowOne = x;
            }
            if (y < previous) {
                r.decreases++;
                r.decreasesOverOneUlp += Math.nextUp(y) < previous ? 1 : 0;
                r.firstDecrease = Float.isNaN(r.firstDecrease) ? x : r.firstDecrease;
                r.lastDecrease = x;
            }
            r.outOfRange += y > 1f || y > x ? 1 : 0;
            r.notOdd += Float.floatToRawIntBits(f.tanh(-x)) != Float.floatToRawIntBits(-y) ? 1 : 0;
            previous = y;
        }
        return r;
    }

    public static void main(String[] args) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (TanhFunction f : TanhFunction.all()) {
                int chunk = 1 << 22;
                List<Future<Facts>> parts = new ArrayList<>();
                for (int from = 0; from < TOP; from += chunk) {
                    int lo = from;
                    parts.add(pool.submit(() -> scan(f.f(), lo, (int) Math.min(TOP, (long) lo + chunk))));
                }
                Facts all = new Facts();
                for (Future<Facts> p : parts) {
                    all.merge(p.get());
                }
                System.out.printf("%s: max %.6f ulp (at x = %s), %.8f ulp for |x| < 1e-3; max abs error %.4g; "
                        + "exactly 1 from %s; %d steps down (%d by more than 1 ulp) in [%s, %s]; "
                        + "%d results above 1 or |x|; %d not odd%n",
                        f, all.maxUlp, all.worst, all.maxUlpTiny, all.maxAbs, Math.nextUp(all.lastBelowOne),
                        all.decreases, all.decreasesOverOneUlp, all.firstDecrease, all.lastDecrease, all.outOfRange,
                        all.notOdd);
            }
        } finally {
            pool.shutdown();
        }
    }
}
