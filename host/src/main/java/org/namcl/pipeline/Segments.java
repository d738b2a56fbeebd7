package org.namcl.pipeline;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.namcl.engine.JobFailure;
import org.namcl.engine.RenderJob;

/**
 * A long job's rest, read segment by segment on the reader threads, in order, each segment's
 * read beginning once the one before has ended.
 */
public final class Segments {
    private static final Segment END = new Segment(new float[0][], 0, 0);

    private final int channels;
    private final int frames;
    private final int overlap;
    private final int depth;
    private final Deque<CompletableFuture<Segment>> reads = new ArrayDeque<>();
    private final RenderJob job;
    private final Executor pool;
    /** Guards {@link #last} and {@link #stopped} together: see {@link #stop}. */
    private final Object lock = new Object();
    private CompletableFuture<Segment> last;
    private volatile boolean stopped;
    private boolean ended;

    Segments(JobStart start, int frames, int overlap, int depth, Executor pool) {
        if (start.complete() || frames < 1 || overlap < 0 || depth < 1) {
            throw new IllegalArgumentException("segments of " + frames + " frames, overlap " + overlap
                    + ", depth " + depth + (start.complete() ? " of a job read whole" : ""));
        }
        this.job = start.job();
        this.pool = pool;
        this.channels = start.channels().length;
        this.frames = frames;
        this.overlap = overlap;
        this.depth = depth;
        this.last = CompletableFuture.completedFuture(new Segment(start.channels(), 0, start.frames()));
        topUp();
    }

    /**
     * Whether {@link #next} would return without waiting.
     *
     * @return true once the next segment is read, failed or past the end
     */
    public boolean ready() {
        return ended || reads.isEmpty() || reads.peekFirst().isDone();
    }

    /**
     * The next segment, waiting for it.
     *
     * @return the segment, or null at the end of the source (or once stopped)
     * @throws RuntimeException what reading threw: a {@link JobFailure} for the source's own failure
     * @throws OutOfMemoryError when its buffers did not fit
     */
    public Segment next() {
        if (ended) {
            return null;
        }
        Segment s;
        try {
            s = Futures.join(reads.removeFirst());
        } catch (RuntimeException | Error e) {
            ended = true;
            throw e;
        }
        if (s == END) {
            ended = true;
            return null;
        }
        topUp();
        return s;
    }

    /** Ends reading (the job failed): a read under way finishes before this returns, none starts after. */
    public void stop() {
        // a read scheduled by topUp is in `last` before stop can look: it is waited for, or it
        // sees `stopped` and reads nothing
        CompletableFuture<Segment> l;
        synchronized (lock) {
            stopped = true;
            l = last;
        }
        Futures.await(l);
    }

    private void topUp() {
        synchronized (lock) {
            while (reads.size() < depth) {
                CompletableFuture<Segment> f = last.thenApplyAsync(this::read, pool);
                last = f;
                reads.addLast(f);
            }
        }
    }

    /** The segment after {@code before}: its last {@code overlap} frames, then new ones. */
    private Segment read(Segment before) {
        if (before == END || stopped) {
            return END;
        }
        int length = before.held() + before.frames();
        int held = Math.min(overlap, length);
        float[][] in = new float[channels][held + frames];
        for (int c = 0; c < channels; c++) {
            System.arraycopy(before.channels()[c], length - held, in[c], 0, held);
        }
        int n = 0;
        for (int k; n < frames && (k = JobFailure.read(job.source(), in, held + n, frames - n)) > 0; ) {
            n += k;
        }
        return n == 0 ? END : new Segment(in, held, n);
    }
}
