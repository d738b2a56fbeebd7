package org.namcl.eval;

import java.util.Locale;

/**
 * Which part of the DI timeline is compared ({@code --segment}): all of it, the trainer's
 * validation split (NAM v3 inputs only), or a range given in samples ({@code 48000:96000}) or
 * seconds ({@code 1s:2.5s}).
 *
 * @param start first sample, or seconds when {@code seconds}; unused for ALL and VALIDATION
 * @param end   one past the last
 */
public record Segment(Kind kind, double start, double end, boolean seconds) {

    public enum Kind { ALL, VALIDATION, RANGE }

    public static final Segment ALL = new Segment(Kind.ALL, 0, 0, false);
    public static final Segment VALIDATION = new Segment(Kind.VALIDATION, 0, 0, false);

    /** @throws IllegalArgumentException naming --segment when {@code text} is not one */
    public static Segment parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.equals("all")) {
            return ALL;
        }
        if (s.equals("validation")) {
            return VALIDATION;
        }
        String[] ends = s.split(":", -1);
        if (ends.length == 2) {
            boolean seconds = ends[0].endsWith("s") && ends[1].endsWith("s");
            boolean samples = !ends[0].endsWith("s") && !ends[1].endsWith("s");
            try {
                if (seconds) {
                    double a = Double.parseDouble(ends[0].substring(0, ends[0].length() - 1));
                    double b = Double.parseDouble(ends[1].substring(0, ends[1].length() - 1));
                    if (a >= 0 && b > a && Double.isFinite(b)) {
                        return new Segment(Kind.RANGE, a, b, true);
                    }
                } else if (samples) {
                    long a = Long.parseLong(ends[0]);
                    long b = Long.parseLong(ends[1]);
                    if (a >= 0 && b > a) {
                        return new Segment(Kind.RANGE, a, b, false);
                    }
                }
            } catch (NumberFormatException e) {
                // said below
            }
        }
        throw new IllegalArgumentException("--segment must be all, validation or START:END with START < END, "
                + "both in samples (48000:96000) or both in seconds (1s:2.5s); got '" + text + "'");
    }

    /** The range's first sample at {@code rate}. */
    long startSample(double rate) {
        return seconds ? Math.round(start * rate) : (long) start;
    }

    /** The range's end (exclusive) at {@code rate}. */
    long endSample(double rate) {
        return seconds ? Math.round(end * rate) : (long) end;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ALL -> "all";
            case VALIDATION -> "validation";
            case RANGE -> seconds ? start + "s:" + end + "s" : (long) start + ":" + (long) end;
        };
    }
}
