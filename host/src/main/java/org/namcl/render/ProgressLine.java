package org.namcl.render;

import java.util.Locale;

/**
 * The progress line's text, fitted to a width: done/total pairs, the share of the audio done, the
 * pair rendering now (model and file, cut from the middle to fit), the speed in x real time (audio
 * seconds per second, as the summary gives it) and the ETA. The names give way first, then the
 * words of the speed and the percentage; the line never exceeds the width.
 *
 * @param pairsDone pairs finished (rendered, skipped or failed)
 * @param rerendered pairs rendered again because their outputs were made another way
 * @param fraction the share of the batch's audio done, or negative when unknown
 * @param current what renders now ({@code model: file}), or null
 * @param speed audio seconds rendered per second of wall time, 0 when not known yet
 * @param etaSeconds the time left, or negative when unknown
 */
record ProgressLine(int pairsDone, int pairs, int rerendered, double fraction, String current, double speed,
                    double etaSeconds) {
    /** Shortest share of the line worth giving the names; below it the other fields shrink first. */
    private static final int MIN_NAMES = 12;
    private static final String CUT = "...";

    /** The line for a terminal {@code columns} wide (one column is left free: some terminals wrap on the last). */
    String fit(int columns) {
        int width = Math.max(1, columns - 1);
        String counts = String.format(Locale.ROOT, "[%d/%d]", pairsDone, pairs)
                + (rerendered > 0 ? String.format(Locale.ROOT, " (%d again)", rerendered) : "");
        String percent = fraction >= 0 ? String.format(Locale.ROOT, " %3.0f%%", Math.min(100, 100 * fraction)) : "";
        String rate = speed > 0 ? String.format(Locale.ROOT, " %.1fx", speed) : "";
        String eta = etaSeconds >= 0 && speed > 0 ? " ETA " + ProgressReporter.clock(etaSeconds) : "";
        String[][] layouts = {
            {counts, percent, rate.isEmpty() ? "" : rate + " real time", eta},
            {counts, percent, rate, eta},
            {counts, "", rate, eta}};
        for (String[] l : layouts) {
            String line = line(l, width, l == layouts[layouts.length - 1]);
            if (line != null) {
                return line;
            }
        }
        throw new AssertionError("the last layout always fits");
    }

    /**
     * The layout with the names fitted between its fields; null when it leaves them too little room
     * or is too long, unless it is the {@code last} resort (then cut to the width).
     */
    private String line(String[] fields, int width, boolean last) {
        String head = fields[0] + fields[1];
        String tail = fields[2] + fields[3];
        int room = width - head.length() - tail.length() - 1;
        boolean names = current != null && room >= (last ? CUT.length() + 1 : MIN_NAMES);
        String line = names ? head + " " + middleCut(current, room) + tail : head + tail;
        if (line.length() <= width && (names || current == null)) {
            return line;
        }
        return last ? line.substring(0, Math.min(width, line.length())) : null;
    }

    /** {@code s} in at most {@code max} characters, its middle replaced by "..." when it is longer. */
    static String middleCut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        if (max <= CUT.length()) {
            return s.substring(0, max);
        }
        int keep = max - CUT.length();
        int front = (keep + 1) / 2;
        return s.substring(0, front) + CUT + s.substring(s.length() - (keep - front));
    }
}
