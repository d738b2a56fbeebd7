package org.namcl.compare;

/**
 * One rendering against its baseline.
 *
 * @param esr Σ(a−b)² / Σb² over the finite samples both sides have (b the baseline); NaN when
 *     the baseline is silent there
 * @param maxAbs the largest |a−b|, at frame {@code worstFrame} (-1 when every difference is 0)
 * @param peak the baseline's largest |b|
 * @param maxUlps the most floats between a and b at any sample
 * @param identical the fraction of samples whose bits are equal
 * @param firstNonFiniteFrame the first frame holding a NaN or infinity on either side, or -1
 */
public record Difference(long baselineFrames, long otherFrames, double esr, double maxAbs, double peak,
                         long worstFrame, long maxUlps, double identical, long nonFiniteBaseline,
                         long nonFiniteOther, long firstNonFiniteFrame) {
    /** max|a−b| relative to the baseline's peak; NaN for a silent baseline. */
    public double maxAbsPerPeak() {
        return peak == 0 ? Double.NaN : maxAbs / peak;
    }

    public boolean lengthsDiffer() {
        return baselineFrames != otherFrames;
    }

    public boolean hasNonFinite() {
        return nonFiniteBaseline + nonFiniteOther > 0;
    }
}
