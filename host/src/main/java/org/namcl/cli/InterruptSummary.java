package org.namcl.cli;

import org.namcl.render.ProgressReporter;
import org.namcl.render.RunReport;

/**
 * While a batch runs, Ctrl-C (SIGINT) or a kill (SIGTERM) still ends with the summary of what
 * was done: a shutdown hook prints it, beside the one that deletes the run's temporary files. The
 * JVM then exits as it does on a signal (130 for SIGINT).
 */
final class InterruptSummary implements AutoCloseable {
    private final Thread hook;

    private InterruptSummary(Thread hook) {
        this.hook = hook;
    }

    static InterruptSummary install(ProgressReporter progress, RunReport report) {
        Thread hook = new Thread(() -> progress.interrupted(report), "namcl-interrupt-summary");
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
