package org.namcl.pipeline;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes finished outputs to their sinks (encoding, writing, telling outcomes) on a thread of its
 * own, in the order they were handed over, so the rendering thread goes on reading the next
 * sources and feeding the device meanwhile. At most {@link #PENDING} writes wait, which bounds
 * the outputs held in memory; a further one waits for room.
 */
public final class SinkWriter implements AutoCloseable {
    /** Writes that may wait: each holds one unit of outputs. */
    public static final int PENDING = 2;
    private static final Runnable STOP = () -> { };

    private final BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(PENDING);
    private final Thread thread;
    private int submitted;
    private int finished;
    private Throwable failure;

    /** Starts the writing thread. */
    public SinkWriter() {
        thread = new Thread(this::loop, "namcl-opencl-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Runs {@code write} after every write handed over before it, waiting for room first.
     *
     * @param write encodes and writes one unit of outputs (and tells their outcomes)
     * @throws IllegalStateException when interrupted while waiting for room
     */
    public void submit(Runnable write) {
        synchronized (this) {
            submitted++;
        }
        try {
            queue.put(write);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to write an output", e);
        }
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
            synchronized (this) {
                if (failure == null) {
                    failure = thrown;
                }
                finished++;
                notifyAll();
            }
        }
    }

    /** Finishes the writes handed over, then stops the thread. */
    @Override
    public void close() {
        try {
            drain();
        } finally {
            try {
                queue.put(STOP);
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
