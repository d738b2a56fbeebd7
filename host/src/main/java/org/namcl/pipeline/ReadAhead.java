package org.namcl.pipeline;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.namcl.engine.JobFailure;
import org.namcl.engine.RenderJob;

/**
 * Reads render jobs' sources (and so decodes, resamples, mixes and applies gain to the files
 * behind them) on worker threads, ahead of the thread that renders them, so that thread only
 * hands work to its device. Jobs are taken from the iterator on the rendering thread, in order,
 * and at most {@link #window()} of them are read ahead of the one it takes; a long job's rest
 * streams in segments, at most a fixed number read ahead ({@link #segments}). Memory therefore
 * stays bounded whatever the batch size or file length. Each source is read from one thread at a
 * time, in order (as {@link org.namcl.engine.SignalSource} allows), and once.
 *
 * <p>Whoever tells a job's outcome first ends its reading ({@link Pending#start},
 * {@link Pending#discard}, {@link Segments#stop}), so no read is under way once the caller may
 * close the job's source. Use from one thread (the rendering thread), but for
 * {@link Segments#stop}, which any thread may call.
 */
public final class ReadAhead implements AutoCloseable {
    private final Iterator<RenderJob> jobs;
    private final ToIntFunction<RenderJob> firstFrames;
    private final Predicate<RenderJob> readable;
    private final int window;
    private final ThreadPoolExecutor pool;
    private final Deque<Pending> ahead = new ArrayDeque<>();

    /**
     * Starts nothing yet: jobs are taken from {@code jobs} as {@link #peek} and {@link #take} make room.
     *
     * @param jobs        the batch, taken from on the calling thread only
     * @param readers     worker threads reading sources
     * @param firstFrames for a job, the most frames read as its start (the rest is left to {@link #segments})
     * @param readable    whether a job is read at all (one the engine will refuse is not)
     * @throws IllegalArgumentException when {@code readers} is below 1
     */
    public ReadAhead(Iterator<RenderJob> jobs, int readers, ToIntFunction<RenderJob> firstFrames,
                     Predicate<RenderJob> readable) {
        if (readers < 1) {
            throw new IllegalArgumentException("reader threads must be at least 1, got " + readers);
        }
        this.jobs = jobs;
        this.firstFrames = firstFrames;
        this.readable = readable;
        this.window = 2 * readers;
        AtomicInteger named = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(readers, readers, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "namcl-reader-" + named.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Past this many readers, the jobs held read ahead would crowd a default heap. */
    private static final int MAX_READERS = 8;

    /**
     * Reader threads for {@code threads} host threads in all: half of those beside the rendering
     * thread, rounded down (the writers have the rest, {@link SinkWriter#writersFor}), at least
     * one and at most 8, as the window holds twice as many jobs' starts (up to 30 s each), which
     * with many readers would take gigabytes.
     *
     * @param threads the host threads to use
     * @return the reader threads among them
     */
    public static int readersFor(int threads) {
        return Math.min(MAX_READERS, Math.max(1, (threads - 1) / 2));
    }

    /**
     * Jobs read ahead of the one taken: twice the reader threads, so each has the next one to read.
     *
     * @return the most jobs whose start is held before they are taken
     */
    public int window() {
        return window;
    }

    /**
     * The next job, its reading under way, without taking it; tops the window up from the iterator.
     *
     * @return the next job, or null when the batch is done
     */
    public Pending peek() {
        fill();
        return ahead.peekFirst();
    }

    /**
     * Takes the next job and starts reading the one that comes into the window in its place.
     *
     * @return the next job, or null when the batch is done
     */
    public Pending take() {
        fill();
        Pending p = ahead.pollFirst();
        fill();
        return p;
    }

    private void fill() {
        while (ahead.size() < window && jobs.hasNext()) {
            RenderJob job = jobs.next();
            CompletableFuture<JobStart> read = readable.test(job)
                    ? CompletableFuture.supplyAsync(() -> readStart(job), pool) : null;
            ahead.addLast(new Pending(job, read));
        }
    }

    /** A job's first frames, up to its limit: all of them when the source ends first. */
    private JobStart readStart(RenderJob job) {
        int channels = job.source().channels();
        int limit = firstFrames.applyAsInt(job);
        float[][] buf = new float[channels][Math.min(limit, 1 << 16)];
        int n = 0;
        while (n < limit) {
            if (n == buf[0].length) {
                int grown = (int) Math.min(limit, 2L * n);
                for (int c = 0; c < channels; c++) {
                    buf[c] = Arrays.copyOf(buf[c], grown);
                }
            }
            int k = JobFailure.read(job.source(), buf, n, buf[0].length - n);
            if (k == 0) {
                return new JobStart(job, buf, n, true);
            }
            n += k;
        }
        return new JobStart(job, buf, n, false);
    }

    /**
     * Reads the rest of a job whose start did not hold all of it, segment by segment on the
     * reader threads, at most {@code depth} segments ahead of the one taken. Each segment begins
     * with the last {@code overlap} frames before it (fewer only if fewer came before), so a
     * renderer with that receptive field sees every input each output needs.
     *
     * @param start   the job's start, {@link JobStart#complete()} false
     * @param frames  new frames per segment (fewer only in the last)
     * @param overlap frames of the previous input each segment repeats
     * @param depth   segments read ahead, at least 1
     * @return the segments, being read
     */
    public Segments segments(JobStart start, int frames, int overlap, int depth) {
        return new Segments(start, frames, overlap, depth, pool);
    }

    /**
     * Stops reading: reads not begun are dropped, those under way finish before this returns.
     */
    @Override
    public void close() {
        for (Pending p : ahead) {
            if (p.read != null) {
                p.read.cancel(false);
            }
        }
        ahead.clear();
        pool.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A job in the window, its start being read (unless the job is not {@code readable}). */
    public static final class Pending {
        private final RenderJob job;
        private final CompletableFuture<JobStart> read;

        private Pending(RenderJob job, CompletableFuture<JobStart> read) {
            this.job = job;
            this.read = read;
        }

        /**
         * The job.
         *
         * @return the job as the iterator gave it
         */
        public RenderJob job() {
            return job;
        }

        /**
         * Whether {@link #start} would return without waiting.
         *
         * @return true once its start is read (or failed), or when it is not read at all
         */
        public boolean ready() {
            return read == null || read.isDone();
        }

        /**
         * Its start, waiting for it.
         *
         * @return the frames read
         * @throws RuntimeException what reading threw: a {@link JobFailure} for the source's own failure
         * @throws OutOfMemoryError when its buffers did not fit
         * @throws IllegalStateException when the job was not readable
         */
        public JobStart start() {
            if (read == null) {
                throw new IllegalStateException("the job was not read");
            }
            return Futures.join(read);
        }

        /** Waits for its read to end, dropping what it read (the job fails for another reason). */
        public void discard() {
            Futures.await(read);
        }
    }
}
