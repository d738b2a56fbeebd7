package org.namcl.compare;

import java.util.Locale;
import org.namcl.engine.Equivalence;

/**
 * When two renderings count as equal: ESR below {@code esr} and max|a−b| at or below
 * {@code peak} times the baseline's peak (max|a| at or below {@link Equivalence#SILENT_MAX_ABS}
 * for a silent baseline), the same length, and every sample finite.
 */
public record Limits(double esr, double peak) {
    /** The limits the test suite holds every engine to. */
    public static final Limits DEFAULT = new Limits(Equivalence.MAX_ESR, Equivalence.MAX_ABS_PER_PEAK);

    public Limits {
        if (!(esr > 0) || !(peak > 0) || Double.isInfinite(esr) || Double.isInfinite(peak)) {
            throw new IllegalArgumentException("tolerances must be positive numbers: esr=" + esr + ", peak=" + peak);
        }
    }

    /** Parses {@code esr=1e-8,peak=5e-4}; either may be left out (its default stays). */
    public static Limits parse(String spec) {
        double esr = DEFAULT.esr;
        double peak = DEFAULT.peak;
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected esr=NUMBER,peak=NUMBER, not '" + spec + "'");
            }
            double v;
            try {
                v = Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + kv[1].trim() + "' is not a number (in '" + spec + "')");
            }
            switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
                case "esr" -> esr = v;
                case "peak" -> peak = v;
                default -> throw new IllegalArgumentException("unknown tolerance '" + kv[0].trim()
                        + "' (esr or peak)");
            }
        }
        return new Limits(esr, peak);
    }

    /** Null when {@code d} is within the limits, else what is not, in a few words. */
    public String violation(Difference d) {
        if (d.lengthsDiffer()) {
            return "length " + d.otherFrames() + " frames, baseline " + d.baselineFrames();
        }
        if (d.hasNonFinite()) {
            return "non-finite sample at frame " + d.firstNonFiniteFrame()
                    + (d.nonFiniteOther() > 0 ? "" : " of the baseline");
        }
        if (d.peak() == 0) {
            return d.maxAbs() <= Equivalence.SILENT_MAX_ABS ? null
                    : String.format(Locale.ROOT, "baseline silent, max|d| %.3g at frame %d", d.maxAbs(), d.worstFrame());
        }
        if (d.esr() < esr && d.maxAbs() <= peak * d.peak()) {
            return null;
        }
        return String.format(Locale.ROOT, "ESR %.3g (limit %.3g), max|d| %.3g x peak (limit %.3g) at frame %d",
                d.esr(), esr, d.maxAbsPerPeak(), peak, d.worstFrame());
    }
}
