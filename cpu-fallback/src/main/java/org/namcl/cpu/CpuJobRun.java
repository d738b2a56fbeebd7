package org.namcl.cpu;

import java.util.Iterator;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.namcl.engine.JobFailure;
import org.namcl.engine.JobOutcome;
import org.namcl.engine.RenderJob;
import org.namcl.engine.StreamRenderer;
import org.namcl.engine.UnsupportedModelException;

/**
 * One {@link CpuEngine#run} call: at most one open job per thread, each advanced block by block
 * as a task on the engine's pool (so jobs take turns fairly), a block split into pieces over idle
 * threads when fewer jobs than threads are open. A network without a finite receptive field (an
 * LSTM) is never split: its state depends on all earlier input, so a job is one stream.
 */
final class CpuJobRun {
    private final CpuEngine engine;
    private final ExecutorService pool;
    private final CpuPolicy policy;
    private final Consumer<JobOutcome> outcomes;
    private final Semaphore room;
    private final AtomicInteger open = new AtomicInteger();

    CpuJobRun(CpuEngine engine, ExecutorService pool, CpuPolicy policy, Consumer<JobOutcome> outcomes) {
        this.engine = engine;
        this.pool = pool;
        this.policy = policy;
        this.outcomes = outcomes;
        this.room = new Semaphore(policy.threads());
    }

    void run(Iterator<RenderJob> jobs) {
        try {
            while (true) {
                room.acquireUninterruptibly();
                RenderJob job;
                try {
                    if (!jobs.hasNext()) {
                        room.release();
                        break;
                    }
                    job = jobs.next();
                } catch (RuntimeException | Error e) { // its slot back, or the wait below never ends
                    room.release();
                    throw e;
                }
                open.incrementAndGet();
                try {
                    UnsupportedModelException.check(engine.supports(job.model()));
                    Driver d = new Driver(job, engine.pool(job.model()));
                    pool.execute(d::step);
                } catch (RuntimeException | OutOfMemoryError e) { // a job too large for memory fails alone
                    finish(JobFailure.failed(job, e), null);
                }
            }
        } finally {
            // every open job ends (done or failed) before run returns
            room.acquireUninterruptibly(policy.threads());
            room.release(policy.threads());
        }
    }

    private void finish(JobOutcome outcome, Driver driver) {
        try {
            if (driver != null) {
                driver.releaseStreamers();
            }
            outcomes.accept(outcome);
        } finally {
            open.decrementAndGet();
            room.release();
        }
    }

    /** One job's way through: blocks read, rendered per channel, written, one task per block. */
    private final class Driver {
        private final RenderJob job;
        private final StreamerPool streamers;
        /** Whether blocks may be split into pieces (the network has a finite receptive field). */
        private final boolean splittable;
        private final int keep;
        private final int block;
        private final int minPiece;
        private final int channels;
        /** Per channel: the last {@code held} inputs of earlier blocks, then this block. */
        private final float[][] in;
        private final float[][] out;
        /** Per channel, carrying state between blocks while blocks are not split. */
        private final StreamRenderer[] lead;
        /** Whether the lead streamers have seen every input so far (no split since). */
        private boolean leadCurrent;
        private int held;
        private long frames;

        Driver(RenderJob job, StreamerPool streamers) {
            this.job = job;
            this.streamers = streamers;
            OptionalInt finite = streamers.net().finiteReceptiveField();
            this.splittable = finite.isPresent();
            int rf = finite.orElse(1);
            this.keep = rf - 1;
            this.block = policy.blockFrames(rf);
            this.minPiece = policy.pieceFrames(rf);
            this.channels = job.source().channels();
            this.in = new float[channels][keep + block];
            this.out = new float[channels][block];
            this.lead = new StreamRenderer[channels];
            for (int c = 0; c < channels; c++) {
                lead[c] = streamers.acquire();
            }
            this.leadCurrent = true;
        }

        void step() {
            JobOutcome end;
            try {
                int n = readBlock();
                if (n > 0) {
                    int pieces = pieces(n);
                    if (pieces == 1) {
                        for (int c = 0; c < channels; c++) {
                            renderLead(c, n);
                        }
                        leadCurrent = true;
                    } else {
                        renderSplit(n, pieces);
                    }
                    JobFailure.write(job.sink(), out, 0, n);
                    frames += n;
                    slideHistory(n);
                    pool.execute(this::step);
                    return;
                }
                end = new JobOutcome.Done(job, frames);
            } catch (RuntimeException | Error e) {
                end = JobFailure.failed(job, e);
            }
            finish(end, this);
        }

        private int readBlock() {
            int n = 0;
            while (n < block) {
                int k = JobFailure.read(job.source(), in, held + n, block - n);
                if (k == 0) {
                    break;
                }
                n += k;
            }
            return n;
        }

        private int pieces(int n) {
            if (!splittable) {
                return 1;
            }
            int idle = policy.threads() - open.get() + 1;
            return Math.max(1, Math.min(idle, n / minPiece));
        }

        /** The whole block of channel c on its lead streamer, which carries on from the last block. */
        private void renderLead(int c, int n) {
            StreamRenderer s = lead[c];
            if (!leadCurrent) {
                s.reset();
                feedHalo(s, c, held, held);
            }
            s.process(in[c], held, out[c], 0, n);
        }

        /**
         * Renders the block as {@code pieces} pieces per channel: helpers on the pool and this
         * thread take pieces until none are left, and this thread waits only for pieces a
         * helper has started (a helper that starts late finds nothing to do), so a busy pool
         * delays the block but never blocks it.
         */
        private void renderSplit(int n, int pieces) {
            leadCurrent = false;
            int per = (n + pieces - 1) / pieces;
            int total = channels * pieces;
            AtomicInteger next = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(total);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Runnable worker = () -> {
                for (int i; (i = next.getAndIncrement()) < total; done.countDown()) {
                    int start = i % pieces * per;
                    try {
                        if (start < n) {
                            renderPiece(i / pieces, start, Math.min(per, n - start));
                        }
                    } catch (RuntimeException | Error e) {
                        failure.compareAndSet(null, e);
                    }
                }
            };
            for (int h = 1; h < Math.min(pieces, policy.threads()); h++) {
                pool.execute(worker);
            }
            worker.run();
            CpuEngine.await(done);
            if (failure.get() != null) {
                throw new IllegalStateException("a piece failed: " + failure.get().getMessage(), failure.get());
            }
        }

        /** Block frames [start, start + n) of channel c from silence, after their halo. */
        private void renderPiece(int c, int start, int n) {
            StreamRenderer s = streamers.acquire();
            try {
                int at = held + start;
                feedHalo(s, c, at, Math.min(keep, at));
                s.process(in[c], at, out[c], start, n);
            } finally {
                streamers.release(s);
            }
        }

        /** Feeds the {@code halo} inputs before in[c][at], discarding their outputs. */
        private void feedHalo(StreamRenderer s, int c, int at, int halo) {
            float[] sink = new float[Math.min(Math.max(halo, 1), 4096)];
            for (int done = 0; done < halo; done += sink.length) {
                s.process(in[c], at - halo + done, sink, 0, Math.min(sink.length, halo - done));
            }
        }

        /** Keeps the last RF − 1 inputs in front of the next block. */
        private void slideHistory(int n) {
            int total = held + n;
            int next = Math.min(keep, total);
            for (float[] row : in) {
                System.arraycopy(row, total - next, row, 0, next);
            }
            held = next;
        }

        void releaseStreamers() {
            for (StreamRenderer s : lead) {
                streamers.release(s);
            }
        }
    }
}
