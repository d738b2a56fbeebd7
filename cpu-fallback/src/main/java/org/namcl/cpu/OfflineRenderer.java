package org.namcl.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.namcl.engine.ChunkRenderer;
import org.namcl.model.net.WaveNet;

/**
 * The CPU engine's offline mode: a long buffer split into chunks, each rendered by its own
 * streamer from silence with an RF − 1 sample halo before it, on all cores. Each output sample
 * sees exactly the inputs it sees when streaming, so the result equals the streaming path.
 */
public final class OfflineRenderer implements ChunkRenderer {
    private final WaveNet net;
    private final int threads;
    private final int chunk;
    private final ExecutorService pool;
    private final BlockingQueue<WaveNetStreamer> streamers;

    /**
     * @param chunk samples per task; 0 picks one from the receptive field
     */
    public OfflineRenderer(WaveNet net, int threads, int chunk) {
        this.net = net;
        this.threads = Math.max(1, threads);
        int rf = net.receptiveField();
        // the halo costs RF − 1 extra samples per chunk: keep chunks ≥ 16·RF so that stays small
        this.chunk = chunk > 0 ? chunk : Math.max(1 << 15, 16 * rf);
        this.streamers = new ArrayBlockingQueue<>(this.threads);
        for (int i = 0; i < this.threads; i++) {
            streamers.add(new WaveNetStreamer(net));
        }
        this.pool = Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "namcl-cpu");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public int receptiveField() {
        return net.receptiveField();
    }

    public int threads() {
        return threads;
    }

    /** Renders a whole buffer (silence before it). */
    public float[] render(float[] in) {
        float[] out = new float[in.length];
        render(in, 0, 0, in.length, out, 0);
        return out;
    }

    @Override
    public void render(float[] in, int inOff, int halo, int n, float[] out, int outOff) {
        int keep = net.receptiveField() - 1;
        // split evenly so every thread gets work even when n is not much larger than one chunk
        int tasks = Math.max(threads, (n + chunk - 1) / chunk);
        int per = (n + tasks - 1) / tasks;
        List<Future<?>> futures = new ArrayList<>();
        for (int s = 0; s < n; s += per) {
            int start = s;
            int len = Math.min(per, n - s);
            int h = Math.min(keep, halo + start);
            futures.add(pool.submit(() -> renderChunk(in, inOff + halo + start - h, h, len, out, outOff + start)));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while rendering", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                throw c instanceof RuntimeException r ? r : new IllegalStateException(c);
            }
        }
    }

    private void renderChunk(float[] in, int from, int halo, int n, float[] out, int outOff) {
        WaveNetStreamer s = streamers.poll();
        try {
            s.reset();
            float[] sink = new float[Math.min(halo, 4096)];
            for (int done = 0; done < halo; done += sink.length) {
                s.process(in, from + done, sink, 0, Math.min(sink.length, halo - done));
            }
            s.process(in, from + halo, out, outOff, n);
        } finally {
            streamers.add(s);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
