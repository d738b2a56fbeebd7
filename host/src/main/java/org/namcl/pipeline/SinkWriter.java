package org.namcl.pipeline;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes finished outputs to their sinks (encoding, writing, telling outcomes) on threads of its
 * own, so the rendering thread goes on reading the next sources and feeding the device meanwhile.
 * Each output's writes go to one {@link Lane}, and a lane's writes run on its thread in the order
 * they were handed over (a long file's segments, then its outcome); lanes, handed out in turn, run
 * side by side, since encoding and writing cost more per sample than reading and decoding and one
 * thread would bound the whole pipeline. At most {@link #PENDING} writes wait per lane, which
 * bounds the outputs held in memory; a further one waits for room.
 */
public final class SinkWriter implements AutoCloseable {
    /** Writes that may wait in a lane: each holds one unit of outputs. */
    public static final int PENDING = 2;
    /** As many as readers at most ({@link #writersFor}); more are not measured. */
    static final int MAX_WRITERS = 8;
    private static final Runnable STOP = () -> { };

    private final Lane[] lanes;
    private int next;
    private int submitted;
    private int finished;
    private Throwable failure;

    /**
     * Starts the writing threads.
     *
     * @param threads how many lanes, each on a thread of its own (at least 1)
     */
    public SinkWriter(int threads) {
        lanes = new Lane[Math.max(1, threads)];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane(i);
        }
    }

    /**
     * Writing threads for {@code threads} host threads in all: half of those beside the rendering
     * thread, rounded up (the readers have the rest, {@link ReadAhead#readersFor}), at least 1, at
     * most {@value #MAX_WRITERS}.
     *
     * @param threads the host threads to use
     * @return writing threads
     */
    public static int writersFor(int threads) {
        return Math.min(MAX_WRITERS, Math.max(1, threads / 2));
    }

    /**
     * The lane for one output's writes, the lanes taken in turn.
     *
     * @return a lane
     */
    public synchronized Lane lane() {
        Lane lane = lanes[next];
        next = (next + 1) % lanes.length;
        return lane;
    }

    /**
     * Waits until every write handed over so far is done; rethrows what one of them threw (once).
     */
    public synchronized void drain() {
        boolean interrupted = false;
        while (finished < submitted) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = failure;
        failure = null;
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    /** Finishes the writes handed over, then stops the threads. */
    @Override
    public void close() {
        try {
            drain();
        } finally {
            // an interrupt pending here would stop the first lane's stop, leaving its thread behind
            boolean interrupted = Thread.interrupted();
            for (Lane lane : lanes) {
                interrupted |= lane.stop();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized void finished(Throwable thrown) {
        if (failure == null) {
            failure = thrown;
        }
        finished++;
        notifyAll();
    }

    /** One writing thread and its queue: the writes of the outputs given this lane, in order. */
    public final class Lane {
        private final BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(PENDING);
        private final Thread thread;

        private Lane(int index) {
            thread = new Thread(this::loop, "namcl-writer-" + index);
            thread.setDaemon(true);
            thread.start();
        }

        /**
         * Runs {@code write} after every write handed to this lane before it, waiting for room first.
         *
         * @param write encodes and writes one unit of outputs (and tells their outcomes)
         * @throws IllegalStateException when interrupted while waiting for room
         */
        public void submit(Runnable write) {
            synchronized (SinkWriter.this) {
                submitted++;
            }
            try {
                queue.put(write);
            } catch (InterruptedException e) {
                finished(null); // never handed over
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to write an output", e);
            }
        }

        private void loop() {
            while (true) {
                Runnable write;
                try {
                    write = queue.take();
                } catch (InterruptedException e) {
                    return;
                }
                if (write == STOP) {
                    return;
                }
                Throwable thrown = null;
                try {
                    write.run();
                } catch (Throwable t) { // told to the rendering thread at its next drain
                    thrown = t;
                }
                Thread.interrupted(); // a write that left its thread interrupted must not end the lane
                finished(thrown);
            }
        }

        /** Stops the thread once its writes are done; true when interrupted meanwhile. */
        private boolean stop() {
            try {
                queue.put(STOP);
                thread.join();
                return false;
            } catch (InterruptedException e) {
                return true;
            }
        }
    }
}
