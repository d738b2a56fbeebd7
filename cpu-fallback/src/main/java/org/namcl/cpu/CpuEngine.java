package org.namcl.cpu;

import java.util.Iterator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.namcl.engine.Engine;
import org.namcl.engine.JobOutcome;
import org.namcl.engine.RenderJob;
import org.namcl.engine.StreamRenderer;
import org.namcl.engine.Support;
import org.namcl.engine.UnsupportedModelException;
import org.namcl.model.net.Network;

/**
 * The CPU engine: one fixed pool of worker threads for all its work, however many models and
 * files (see {@link CpuPolicy} for how jobs share it), and the prewarmed streamers of recent
 * models kept for reuse (a bounded cache). Results are the streaming engine's, bit for bit,
 * whatever the threads, block or piece lengths.
 */
public final class CpuEngine implements Engine {
    /** Models whose streamers are kept beyond the open jobs' own. */
    private static final int CACHED_MODELS = 8;

    private final CpuPolicy policy;
    private final ExecutorService pool;
    private final StreamerCache streamers;

    /** @param policy its threads and how it cuts the work */
    public CpuEngine(CpuPolicy policy) {
        this.policy = policy;
        this.streamers = new StreamerCache(CACHED_MODELS + policy.threads());
        this.pool = Executors.newFixedThreadPool(policy.threads(), r -> {
            Thread t = new Thread(r, "namcl-cpu");
            t.setDaemon(true);
            return t;
        });
    }

    /** @param threads worker threads, lengths chosen per model */
    public CpuEngine(int threads) {
        this(CpuPolicy.of(threads));
    }

    /** One thread per available core. */
    public CpuEngine() {
        this(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public String description() {
        return "CPU, " + policy.threads() + (policy.threads() == 1 ? " thread" : " threads") + ", " + CpuKernels.describe();
    }

    /**
     * Its worker threads.
     *
     * @return how many
     */
    public int threads() {
        return policy.threads();
    }

    @Override
    public Support supports(Network model) {
        return Support.mono(model);
    }

    /** A streaming renderer on the calling thread (the pool is for {@link #run}). */
    @Override
    public StreamRenderer open(Network model) {
        UnsupportedModelException.check(supports(model));
        return CpuStreams.open(model);
    }

    @Override
    public void run(Iterator<RenderJob> jobs, Consumer<JobOutcome> outcomes) {
        new CpuJobRun(this, pool, policy, outcomes).run(jobs);
    }

    StreamerPool pool(Network net) {
        return streamers.pool(net);
    }

    /**
     * Models whose streamers the engine holds now (bounded, whatever the run).
     *
     * @return how many
     */
    public int cachedModels() {
        return streamers.size();
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering", e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
