package org.namcl.engine;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Carries a job's failure through an engine with whose fault it is: engines read sources and
 * write sinks through {@link #read} and {@link #write}, so whatever else goes wrong is the
 * engine's own.
 */
public final class JobFailure extends RuntimeException {
    /** Whose fault the failure is. */
    private final JobOutcome.Fault fault;

    private JobFailure(JobOutcome.Fault fault, Throwable cause) {
        super(cause.getMessage(), cause, false, false);
        this.fault = fault;
    }

    /**
     * {@link SignalSource#read}, any exception being the input's fault.
     *
     * @param source the job's source
     * @param dst one array per channel
     * @param off where in each array the samples go
     * @param n samples wanted per channel
     * @return samples read per channel, 0 at the end
     */
    public static int read(SignalSource source, float[][] dst, int off, int n) {
        try {
            return source.read(dst, off, n);
        } catch (Exception e) {
            throw new JobFailure(JobOutcome.Fault.INPUT, e);
        }
    }

    /**
     * {@link SignalSink#write}, any exception being the output's fault.
     *
     * @param sink the job's sink
     * @param src one array per channel
     * @param off where in each array the samples start
     * @param n samples per channel
     */
    public static void write(SignalSink sink, float[][] src, int off, int n) {
        try {
            sink.write(src, off, n);
        } catch (Exception e) {
            throw new JobFailure(JobOutcome.Fault.OUTPUT, e);
        }
    }

    /**
     * The outcome of a job that failed.
     *
     * @param job the job
     * @param t what stopped it (unwrapped from executor wrappers)
     * @return its outcome, with whose fault it was
     */
    public static JobOutcome.Failed failed(RenderJob job, Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof JobFailure f) {
            return new JobOutcome.Failed(job, f.fault, f.getCause());
        }
        return new JobOutcome.Failed(job, JobOutcome.Fault.ENGINE, t);
    }
}
