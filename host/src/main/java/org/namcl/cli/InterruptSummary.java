package org.namcl.cli;

import org.namcl.files.OwnedFiles;
import org.namcl.render.ProgressReporter;
import org.namcl.render.RunReport;

/**
 * While a batch runs (render, eval, compare), Ctrl-C (SIGINT) or a kill (SIGTERM) still ends with
 * the summary of what was done: a shutdown hook prints it, beside the one that deletes the run's
 * temporary files ({@link OwnedFiles}). The JVM then exits as it does on a signal (130 for SIGINT).
 */
final class InterruptSummary implements AutoCloseable {
    private final Thread hook;

    private InterruptSummary(Thread hook) {
        this.hook = hook;
    }

    /** render's: the summary line of the report's pairs. */
    static InterruptSummary install(ProgressReporter progress, RunReport report) {
        return install(() -> progress.interrupted(report));
    }

    /** {@code summary} prints the command's summary of the pairs done so far. */
    static InterruptSummary install(ProgressReporter progress, Runnable summary) {
        return install(() -> progress.interrupted(summary));
    }

    private static InterruptSummary install(Runnable onSignal) {
        OwnedFiles.process(); // its cleanup hook is in place before any signal
        Thread hook = new Thread(onSignal, "namcl-interrupt-summary");
        Runtime.getRuntime().addShutdownHook(hook);
        return new InterruptSummary(hook);
    }

    /** The batch is over: its summary is the command's to print. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down already: the hook prints it
        }
    }
}
