package org.namcl.bench;

import java.io.IOException;
import java.util.Iterator;
import java.util.function.Consumer;
import org.namcl.engine.Engine;
import org.namcl.engine.JobOutcome;
import org.namcl.engine.RenderJob;
import org.namcl.engine.StreamRenderer;
import org.namcl.engine.Support;
import org.namcl.model.net.Network;

/**
 * An engine that does no arithmetic: every job's source is copied to its sink as it is read, one
 * job after the other on the calling thread. Behind the engine seam it leaves only the host's
 * work (reading, decoding, resampling, encoding, writing), so the benchmark can measure that alone.
 */
final class PassThroughEngine implements Engine {
    private static final int BLOCK = 1 << 16;

    @Override
    public String name() {
        return "pass-through";
    }

    @Override
    public String description() {
        return "no arithmetic (input copied to output)";
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
        while (jobs.hasNext()) {
            RenderJob job = jobs.next();
            outcomes.accept(copy(job));
        }
    }

    private static JobOutcome copy(RenderJob job) {
        float[][] block = new float[job.source().channels()][BLOCK];
        long frames = 0;
        while (true) {
            int n;
            try {
                n = job.source().read(block, 0, BLOCK);
            } catch (IOException | RuntimeException e) {
                return new JobOutcome.Failed(job, JobOutcome.Fault.INPUT, e);
            }
            if (n == 0) {
                return new JobOutcome.Done(job, frames);
            }
            try {
                job.sink().write(block, 0, n);
            } catch (IOException | RuntimeException e) {
                return new JobOutcome.Failed(job, JobOutcome.Fault.OUTPUT, e);
            }
            frames += n;
        }
    }

    @Override
    public void close() {
    }
}
