package org.namcl.compare;

import java.nio.file.Path;

/**
 * One (model, input) pair rendered on one side and measured against the baseline.
 *
 * @param baseline    the baseline side ("cpu"), or the baseline file
 * @param sampleRate  the input's rate (0 when it could not be read), for the time of the worst frame
 * @param difference  what was measured, or null when the pair could not be compared
 * @param problem     null when the pair passes; else the limit it breaks, or why it could not be compared
 */
public record PairComparison(Path model, Path input, String side, String baseline, int sampleRate,
                             Difference difference, String problem) {
    public enum Verdict { PASS, FAIL, ERROR }

    public Verdict verdict() {
        return problem == null ? Verdict.PASS : difference == null ? Verdict.ERROR : Verdict.FAIL;
    }

    /** How bad, for ranking: errors first, then the larger max|d| per peak (ESR for a silent baseline). */
    double badness() {
        if (difference == null) {
            return Double.POSITIVE_INFINITY;
        }
        if (difference.lengthsDiffer() || difference.hasNonFinite()) {
            return Double.MAX_VALUE;
        }
        double r = difference.maxAbsPerPeak();
        return Double.isNaN(r) ? difference.maxAbs() : r;
    }
}
