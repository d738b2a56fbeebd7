package org.namcl.bench;

import java.util.Iterator;
import java.util.function.Consumer;
import org.namcl.engine.Engine;
import org.namcl.engine.JobFailure;
import org.namcl.engine.JobOutcome;
import org.namcl.engine.RenderJob;
import org.namcl.engine.StreamRenderer;
import org.namcl.engine.Support;
import org.namcl.model.net.Network;
import org.namcl.pipeline.JobStart;
import org.namcl.pipeline.ReadAhead;
import org.namcl.pipeline.Segment;
import org.namcl.pipeline.Segments;
import org.namcl.pipeline.SinkWriter;

/**
 * An engine that does no arithmetic: every job's input becomes its output. Behind the engine seam
 * it leaves only the host's work, through the OpenCL engine's own pipeline: sources read (decoded,
 * resampled) on {@link ReadAhead}'s reader threads, outputs encoded and written by a
 * {@link SinkWriter}, the calling thread only passing units from one to the other. So the
 * benchmark measures the host side alone.
 */
final class PassThroughEngine implements Engine {
    /** Frames of a job's start and of each later segment: a unit of the order of a GPU's chunk. */
    static final int UNIT_FRAMES = 1 << 20;

    private final int hostThreads;

    /** @param hostThreads threads reading sources and writing outputs, split as the OpenCL engine splits them */
    PassThroughEngine(int hostThreads) {
        this.hostThreads = hostThreads;
    }

    @Override
    public String name() {
        return "pass-through";
    }

    @Override
    public String description() {
        int readers = ReadAhead.readersFor(hostThreads);
        int writers = SinkWriter.writersFor(hostThreads);
        return "no arithmetic (input copied to output), " + readers + (readers == 1 ? " reading thread, " : " reading threads, ")
                + writers + (writers == 1 ? " writing thread" : " writing threads");
    }

    @Override
    public Support supports(Network model) {
        return Support.yes();
    }

    @Override
    public StreamRenderer open(Network model) {
        throw new UnsupportedOperationException("the pass-through engine renders batches only");
    }

    @Override
    public void run(Iterator<RenderJob> jobs, Consumer<JobOutcome> outcomes) {
        try (SinkWriter writer = new SinkWriter(SinkWriter.writersFor(hostThreads));
             ReadAhead reads = new ReadAhead(jobs, ReadAhead.readersFor(hostThreads), job -> UNIT_FRAMES, job -> true)) {
            for (ReadAhead.Pending p; (p = reads.take()) != null; ) {
                JobStart start;
                try {
                    start = p.start();
                } catch (RuntimeException | OutOfMemoryError e) {
                    outcomes.accept(JobFailure.failed(p.job(), e));
                    continue;
                }
                new Copy(start, reads, writer.lane(), outcomes).run();
            }
        }
    }

    /** One job: its start and segments handed to its writing lane as they are read; its outcome told there, last. */
    private static final class Copy {
        private final RenderJob job;
        private final JobStart start;
        private final ReadAhead reads;
        private final SinkWriter.Lane writer;
        private final Consumer<JobOutcome> outcomes;
        /** Its lane's alone. */
        private long frames;
        private volatile boolean failed;

        Copy(JobStart start, ReadAhead reads, SinkWriter.Lane writer, Consumer<JobOutcome> outcomes) {
            this.job = start.job();
            this.start = start;
            this.reads = reads;
            this.writer = writer;
            this.outcomes = outcomes;
        }

        void run() {
            Segments rest = start.complete() ? null : reads.segments(start, UNIT_FRAMES, 0, 2);
            write(start.channels(), 0, start.frames(), rest);
            try {
                for (Segment s; rest != null && !failed && (s = rest.next()) != null; ) {
                    write(s.channels(), s.held(), s.frames(), rest);
                }
            } catch (RuntimeException | OutOfMemoryError e) {
                writer.submit(() -> fail(e)); // after the writes before it
                return;
            }
            writer.submit(() -> {
                if (!failed) {
                    outcomes.accept(new JobOutcome.Done(job, frames));
                }
            });
        }

        private void write(float[][] in, int off, int n, Segments rest) {
            writer.submit(() -> {
                if (failed) {
                    return;
                }
                try {
                    JobFailure.write(job.sink(), in, off, n);
                    frames += n;
                } catch (RuntimeException e) {
                    if (rest != null) {
                        rest.stop();
                    }
                    fail(e);
                }
            });
        }

        /** On its lane: the job's one outcome. */
        private void fail(Throwable e) {
            if (!failed) {
                failed = true;
                outcomes.accept(JobFailure.failed(job, e));
            }
        }
    }

    @Override
    public void close() {
    }
}
