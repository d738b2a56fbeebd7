package org.namcl.engine;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Carries a job's failure through an engine with whose fault it is: engines read sources and
 * write sinks through {@link #read} and {@link #write}, so whatever else goes wrong is the
 * engine's own.
 */
public final class JobFailure extends RuntimeException {
    private final JobOutcome.Fault fault;

    private JobFailure(JobOutcome.Fault fault, Throwable cause) {
        super(cause.getMessage(), cause, false, false);
        this.fault = fault;
    }

    /** {@link SignalSource#read}, any exception being the input's fault. */
    public static int read(SignalSource source, float[][] dst, int off, int n) {
        try {
            return source.read(dst, off, n);
        } catch (Exception e) {
            throw new JobFailure(JobOutcome.Fault.INPUT, e);
        }
    }

    /** {@link SignalSink#write}, any exception being the output's fault. */
    public static void write(SignalSink sink, float[][] src, int off, int n) {
        try {
            sink.write(src, off, n);
        } catch (Exception e) {
            throw new JobFailure(JobOutcome.Fault.OUTPUT, e);
        }
    }

    /** The outcome of {@code job} stopped by {@code t} (unwrapped from executor wrappers). */
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
