package org.namcl.cpu;

import org.namcl.engine.Engine;
import org.namcl.engine.HaloStream;
import org.namcl.engine.StreamRenderer;
import org.namcl.model.net.WaveNet;

/**
 * The CPU engine: with one thread, the streaming renderer; with more, the offline renderer
 * (chunks with an RF − 1 halo on all threads) behind a halo-keeping stream.
 */
public final class CpuEngine implements Engine {
    private final int threads;

    public CpuEngine(int threads) {
        this.threads = Math.max(1, threads);
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
        return "CPU, " + threads + (threads == 1 ? " thread (streaming)" : " threads");
    }

    public int threads() {
        return threads;
    }

    @Override
    public StreamRenderer open(WaveNet model) {
        return threads == 1 ? new WaveNetStreamer(model) : new HaloStream(new OfflineRenderer(model, threads, 0));
    }

    @Override
    public void close() {
    }
}
