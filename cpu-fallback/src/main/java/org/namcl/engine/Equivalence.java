package org.namcl.engine;

/**
 * How close two renderings of one model must be to count as equal: the limits every engine is
 * held to by the test suite, and the defaults of {@code namcl compare}. Two correct float32
 * implementations of NAM differ by at most ESR 1.3e-9 and max|d|/peak 8e-5 on the reference set
 * (NAM's C++ core against its trainer), so these leave headroom while a wrong weight, tap or
 * activation is orders of magnitude beyond them.
 */
public final class Equivalence {
    /** ESR = Σ(a−b)² / Σb² (b the baseline) must stay below this. */
    public static final double MAX_ESR = 1e-8;
    /** max|a−b| must stay at or below this times the baseline's peak |b|. */
    public static final double MAX_ABS_PER_PEAK = 5e-4;
    /** For an all-zero baseline (ESR undefined): max|a| at or below this. */
    public static final double SILENT_MAX_ABS = 1e-6;

    private Equivalence() {
    }
}
