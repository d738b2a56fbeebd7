package org.namcl.testing;

import static org.junit.jupiter.api.Assertions.fail;

import org.namcl.engine.Equivalence;

/**
 * The one place the tests' tolerances live. The equivalence limits every engine is held to are
 * namcl's own ({@link Equivalence}, also {@code namcl compare}'s defaults); the building-block
 * limits below are the tests' alone.
 */
public final class Tolerance {
    /** ESR = Σ(a−b)² / Σb² must stay below this. */
    public static final double MAX_ESR = Equivalence.MAX_ESR;
    /** max|a−b| must stay at or below this times the reference's peak |b|. */
    public static final double MAX_ABS_PER_PEAK = Equivalence.MAX_ABS_PER_PEAK;
    /** For an all-zero reference (ESR undefined): max|a| at or below this. */
    public static final double SILENT_MAX_ABS = Equivalence.SILENT_MAX_ABS;

    /*
     * Building blocks against formulas evaluated in double in the test, on values below 1 in
     * magnitude (absolute differences).
     */
    /**
     * A float32 sum of a few products (a conv tap, a 1x1 row, a FiLM scale-and-shift): a few
     * roundings of 6e-8 each.
     */
    public static final double FLOAT32_SUM = 1e-6;
    /**
     * A whole forward pass of a tiny generated WaveNet: a few dozen multiply-adds and activations
     * deep, rounding error near 1e-6; a wrong weight, tap or gating changes outputs by 1e-2 or
     * more, so this tells the two apart with margin either way.
     */
    public static final double FLOAT32_FORWARD = 1e-5;

    /**
     * The most a float32 sum of {@code terms} products (and a bias) may differ from the exact
     * sum, whatever the order and whether it uses fused multiply-adds: each term costs at most
     * two roundings (product, addition) of 2^-24 relative to a partial sum, and no partial sum
     * exceeds {@code absSum}, the sum of the terms' magnitudes.
     */
    public static double float32Sum(int terms, double absSum) {
        return 2.0 * (terms + 1) * 0x1p-24 * absSum;
    }

    /*
     * Evaluation metrics (namcl eval) against the test's own double-precision computation.
     */
    /** Two double-precision evaluations of one sum over a few 100,000 terms, summed in other orders. */
    public static final double DOUBLE_SUM_RELATIVE = 1e-12;
    /** The gain eval must find in a target made as gain x output + noise (the bound). */
    public static final double EVAL_GAIN_DB = 0.01;

    private Tolerance() {
    }

    /** Fails unless every sample of {@code actual} is finite and it matches {@code expected}. */
    public static void assertMatches(String what, float[] expected, float[] actual) {
        Comparison c = compare(expected, actual);
        if (c.firstNonFinite >= 0) {
            fail(what + ": sample " + c.firstNonFinite + " is " + actual[c.firstNonFinite]);
        }
        if (c.peak == 0) {
            if (c.maxAbs > SILENT_MAX_ABS) {
                fail(what + ": reference is silent but max|a| = " + c.maxAbs);
            }
            return;
        }
        if (!(c.esr < MAX_ESR) || !(c.maxAbs <= MAX_ABS_PER_PEAK * c.peak)) {
            fail(String.format("%s: ESR %.3g (limit %.0e), max|a-b| %.3g at sample %d = %.3g x peak (limit %.0e)",
                    what, c.esr, MAX_ESR, c.maxAbs, c.maxAt, c.maxAbs / c.peak, MAX_ABS_PER_PEAK));
        }
    }

    public static Comparison compare(float[] expected, float[] actual) {
        if (expected.length != actual.length) {
            fail("length " + actual.length + " differs from the reference's " + expected.length);
        }
        double err = 0;
        double sig = 0;
        double max = 0;
        double peak = 0;
        int maxAt = -1;
        int bad = -1;
        for (int i = 0; i < expected.length; i++) {
            if (!Float.isFinite(actual[i]) && bad < 0) {
                bad = i;
            }
            double d = (double) actual[i] - expected[i];
            err += d * d;
            sig += (double) expected[i] * expected[i];
            if (Math.abs(d) > max) {
                max = Math.abs(d);
                maxAt = i;
            }
            peak = Math.max(peak, Math.abs(expected[i]));
        }
        return new Comparison(sig == 0 ? Double.NaN : err / sig, max, maxAt, peak, bad);
    }

    public record Comparison(double esr, double maxAbs, int maxAt, double peak, int firstNonFinite) {
    }
}
