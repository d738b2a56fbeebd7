package org.namcl.render;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;
import org.namcl.engine.SignalSource;
import org.namcl.files.OwnedFiles;
import org.namcl.render.RunReport.Status;

/**
 * Everything a batch says on stderr: notices, warnings, errors, progress and the summary. On a
 * terminal the progress is one line ({@link ProgressLine}) redrawn in place, fitted to the
 * terminal's width (looked at again every few seconds, as windows are resized); messages first
 * clear it so they never mix with it. Elsewhere (a log file, a pipe) it is a plain line now and
 * then. {@code quiet} keeps only the errors.
 */
public final class ProgressReporter {
    /** Redraw at most this often (nanoseconds). */
    private static final long REDRAW_NANOS = 250_000_000L;
    /** Without a terminal, a progress line at most this often. */
    static final long PLAIN_NANOS = 30_000_000_000L;
    /** Look at the terminal's width again after this long. */
    private static final long WIDTH_NANOS = 2_000_000_000L;
    /** Width of the plain lines: room for long names. */
    private static final int PLAIN_COLUMNS = 200;

    private final PrintWriter err;
    private final boolean quiet;
    private final boolean live;
    private final IntSupplier terminalColumns;
    private final long plainNanos;
    private int columns;
    private long columnsAt;
    private long lastPlain = System.nanoTime();
    /** What renders now: model and file, or null. */
    private String current;
    private boolean summarized;
    private final long start = System.nanoTime();
    private int pairs;
    private int pairsDone;
    /** Pairs rendered again because their output was made another way. */
    private int rerendered;
    private double totalSeconds;
    /** Input seconds done: finished pairs, and what pairs under way have rendered so far. */
    private double doneSeconds;
    /** Input seconds actually rendered: what the speed is measured on. */
    private double renderedSeconds;
    private long lastDraw;
    private int drawnWidth;

    /**
     * @param err where everything goes (stderr)
     * @param quiet errors only
     * @param terminal whether stderr is a terminal (a progress line is drawn only then)
     */
    public ProgressReporter(PrintWriter err, boolean quiet, boolean terminal) {
        this(err, quiet, terminal, Terminal::columns, PLAIN_NANOS);
    }

    /**
     * @param terminalColumns the terminal's width, asked every few seconds while drawing
     * @param plainNanos without a terminal, the least time between progress lines
     */
    ProgressReporter(PrintWriter err, boolean quiet, boolean terminal, IntSupplier terminalColumns, long plainNanos) {
        this.err = err;
        this.quiet = quiet;
        this.live = terminal && !quiet;
        this.terminalColumns = terminalColumns;
        this.plainNanos = plainNanos;
    }

    /**
     * Whether progress is shown (worth knowing the batch's total length for).
     *
     * @return true unless quiet
     */
    public boolean live() {
        return !quiet;
    }

    /**
     * A pair starts rendering: the progress line names it.
     *
     * @param model the model's name
     * @param file the input, as messages call it
     */
    public synchronized void rendering(String model, String file) {
        current = model + ": " + file;
    }

    /**
     * A notice, unless quiet.
     *
     * @param message one line, after "namcl: "
     */
    public synchronized void notice(String message) {
        if (!quiet) {
            print("namcl: " + message);
        }
    }

    /**
     * A warning, unless quiet.
     *
     * @param message one line, after "namcl: warning: "
     */
    public synchronized void warn(String message) {
        if (!quiet) {
            print("namcl: warning: " + message);
        }
    }

    /**
     * An error, even when quiet.
     *
     * @param message one line, after "namcl: error: "
     */
    public synchronized void error(String message) {
        print("namcl: error: " + message);
    }

    /**
     * A batch starts.
     *
     * @param pairs its (model, input) pairs
     * @param totalSeconds its input seconds in all, 0 if unknown
     */
    public synchronized void start(int pairs, double totalSeconds) {
        this.pairs = pairs;
        this.totalSeconds = totalSeconds;
    }

    /**
     * More of some pair's input is rendered (pairs may render side by side).
     *
     * @param seconds input seconds
     */
    public synchronized void advance(double seconds) {
        doneSeconds += seconds;
        renderedSeconds += seconds;
        if (summarized) {
            return; // the summary is out (a signal): the line stays off the screen
        }
        if (live && System.nanoTime() - lastDraw > REDRAW_NANOS) {
            draw();
        } else if (!live && !quiet && System.nanoTime() - lastPlain > plainNanos) {
            lastPlain = System.nanoTime();
            print("namcl: progress " + line().fit(PLAIN_COLUMNS));
        }
    }

    /**
     * A pair starts again (on another engine): what it rendered so far does not count.
     *
     * @param seconds the input seconds it had rendered
     */
    public synchronized void retract(double seconds) {
        renderedSeconds -= seconds;
        doneSeconds -= seconds;
    }

    /**
     * Work of the batch that ends without finishing a pair of its own (a comparison's baseline
     * rendering): {@code remaining} of its input seconds, not reported through {@link #advance},
     * count as done.
     *
     * @param remaining those seconds
     */
    public synchronized void settled(double remaining) {
        doneSeconds += Math.max(0, remaining);
    }

    /**
     * A source that reports the input seconds each read covers through {@link #advance}, and
     * names its pair as the one rendering now at its first read.
     *
     * @param source the pair's input
     * @param rate its frames per second
     * @param seconds its length in seconds: reads past it (a tail) are not counted
     * @param model the model's name
     * @param file the input, as messages call it
     * @return the counting source
     */
    public ProgressSource counting(SignalSource source, int rate, double seconds, String model, String file) {
        return new ProgressSource(source, this, rate, seconds, model, file);
    }

    /**
     * A pair's existing output was made another way and is rendered again.
     *
     * @param output the output
     * @param why how it was made otherwise
     */
    public synchronized void rerendering(String output, String why) {
        rerendered++;
        notice("rendering " + output + " again: " + why);
    }

    /**
     * A pair is finished (rendered, skipped or failed); {@code remaining} of its input seconds were
     * not reported through {@link #advance} (all of them for a skipped pair).
     *
     * @param remaining those seconds
     */
    public synchronized void pairDone(double remaining) {
        pairsDone++;
        doneSeconds += Math.max(0, remaining);
        if (live && !summarized) {
            draw();
        }
    }

    /**
     * Ctrl-C (or another signal): says so, then the summary of what was done; nothing if the
     * summary was given already.
     *
     * @param report the run's report so far
     */
    public void interrupted(RunReport report) {
        interrupted(() -> printSummary(report));
    }

    /**
     * Ctrl-C (or another signal): says how many pairs of all were done, then {@code summary}
     * (what the command prints of what was done); nothing if the summary was given already.
     *
     * @param summary prints the summary of the pairs done so far
     */
    public void interrupted(Runnable summary) {
        if (claimSummary()) {
            notice("interrupted: " + done() + " of " + pairs + (pairs == 1 ? " pair" : " pairs") + " done");
            summary.run();
        }
    }

    /**
     * The last line: what happened to the report's pairs, how much audio, how fast; given once,
     * and left to {@link #interrupted} once the process is stopping.
     *
     * @param report the run's report
     */
    public void summary(RunReport report) {
        summary(() -> printSummary(report));
    }

    /**
     * The command's summary at the end of a run: run once, unless the process is stopping (then
     * {@link #interrupted} gives it) or it was given already.
     *
     * @param summary prints the summary
     */
    public void summary(Runnable summary) {
        if (!OwnedFiles.process().stopping() && claimSummary()) {
            summary.run();
        }
    }

    private synchronized int done() {
        return pairsDone;
    }

    private synchronized boolean claimSummary() {
        boolean first = !summarized;
        summarized = true;
        return first;
    }

    private void printSummary(RunReport report) {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, report.count(s));
        }
        summary(counts, report.renderedSeconds());
        String levels = LevelsSummary.line(report.pairs());
        if (levels != null && !quiet) {
            print("namcl: " + levels);
        }
    }

    synchronized void summary(Map<Status, Long> counts, double audioSeconds) {
        if (quiet) {
            return;
        }
        double wall = elapsed();
        long again = counts.getOrDefault(Status.RERENDERED, 0L);
        long skipped = counts.getOrDefault(Status.SKIPPED, 0L);
        long otherRun = counts.getOrDefault(Status.OTHER_RUN, 0L);
        StringBuilder b = new StringBuilder();
        b.append(counts.getOrDefault(Status.RENDERED, 0L) + again).append(" rendered");
        if (again > 0) {
            b.append(" (").append(again).append(" of them again: their outputs were made another way)");
        }
        b.append(", ").append(skipped).append(" skipped");
        if (skipped > 0) {
            b.append(" (up to date; --overwrite renders them again)");
        }
        if (otherRun > 0) {
            b.append(", ").append(otherRun).append(" left to another namcl run rendering them");
        }
        b.append(", ").append(counts.getOrDefault(Status.FAILED, 0L)).append(" failed; ")
                .append(duration(audioSeconds)).append(" of audio in ").append(duration(wall));
        if (audioSeconds > 0 && wall > 0) {
            b.append(String.format(Locale.ROOT, " (%.1fx real time)", audioSeconds / wall));
        }
        print("namcl: " + b);
    }

    private ProgressLine line() {
        double wall = elapsed();
        double speed = wall > 0 ? renderedSeconds / wall : 0;
        return new ProgressLine(pairsDone, pairs, rerendered, totalSeconds > 0 ? doneSeconds / totalSeconds : -1,
                current, speed, totalSeconds > doneSeconds ? (totalSeconds - doneSeconds) / speed : -1);
    }

    private void draw() {
        lastDraw = System.nanoTime();
        if (columnsAt == 0 || lastDraw - columnsAt > WIDTH_NANOS) {
            columns = terminalColumns.getAsInt();
            columnsAt = lastDraw;
        }
        String line = Printable.of(line().fit(columns));
        // blanks over what is left of a longer line, never past the width
        int blanks = Math.max(0, Math.min(drawnWidth, columns - 1) - line.length());
        err.print("\r" + line + " ".repeat(blanks));
        err.flush();
        drawnWidth = line.length();
    }

    private void print(String line) {
        clear();
        err.println(Printable.of(line));
        err.flush();
    }

    /**
     * Takes the progress line off the terminal, before something else is written there (eval's
     * table, on stdout); the next progress draws it again.
     */
    public synchronized void clear() {
        if (drawnWidth > 0) {
            err.print("\r" + " ".repeat(Math.min(drawnWidth, Math.max(0, columns - 1))) + "\r");
            err.flush();
            drawnWidth = 0;
        }
    }

    private double elapsed() {
        return (System.nanoTime() - start) * 1e-9;
    }

    /** "2.5 s", or "1:02:03" from a minute up. */
    static String duration(double seconds) {
        return seconds < 60 ? String.format(Locale.ROOT, "%.1f s", seconds) : clock(seconds);
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
