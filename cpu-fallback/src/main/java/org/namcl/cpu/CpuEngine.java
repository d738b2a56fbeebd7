package org.namcl.cpu;

import java.util.IdentityHashMap;
import java.util.Map;
import org.namcl.engine.ChunkRenderer;
import org.namcl.engine.Engine;
import org.namcl.engine.HaloStream;
import org.namcl.engine.StreamRenderer;
import org.namcl.model.net.WaveNet;

/**
 * The CPU engine: with one thread, the streaming renderer; with more, the offline renderer
 * (chunks with an RF − 1 halo on all threads) behind a halo-keeping stream. The offline renderer
 * of a model (its threads and prewarmed streamers) is made once and shared by every stream the
 * engine opens on that model, so a batch of many files does not pay for it per file.
 */
public final class CpuEngine implements Engine {
    private final int threads;
    private final Map<WaveNet, OfflineRenderer> renderers = new IdentityHashMap<>();

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
        if (threads == 1) {
            return new WaveNetStreamer(model);
        }
        OfflineRenderer shared;
        synchronized (renderers) {
            shared = renderers.computeIfAbsent(model, m -> new OfflineRenderer(m, threads, 0));
        }
        // a view whose close() leaves the shared renderer to the engine
        return new HaloStream(new ChunkRenderer() {
            @Override
            public int receptiveField() {
                return shared.receptiveField();
            }

            @Override
            public void render(float[] in, int inOff, int halo, int n, float[] out, int outOff) {
                shared.render(in, inOff, halo, n, out, outOff);
            }
        });
    }

    @Override
    public void close() {
        synchronized (renderers) {
            renderers.values().forEach(OfflineRenderer::close);
            renderers.clear();
        }
    }
}
