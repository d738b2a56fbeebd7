package org.namcl.opencl;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.namcl.engine.Engine;
import org.namcl.engine.HaloStream;
import org.namcl.engine.StreamRenderer;
import org.namcl.model.net.WaveNet;

/**
 * The OpenCL engine: WaveNets rendered layer by layer over long chunks on one device (see
 * {@link NetworkPlan} for the kernels, {@link ChunkScheduler} for chunking and double
 * buffering, {@link BatchPacker} for packing many signals into one launch).
 *
 * <p>Each model's weights are uploaded once, on first use, and kept until the engine closes
 * (cached per {@link WaveNet} instance). Renders through one engine run one at a time: they
 * share its queues, kernels and intermediate buffers. Device failures (out of resources, lost
 * device) surface as {@link OpenClException}s naming the OpenCL error.
 */
public final class OpenClEngine implements Engine {
    private final DeviceInfo device;
    private final int requestedChunk;
    private final OpenClContext cl;
    private final ChunkScheduler scheduler;
    private final Map<WaveNet, DeviceNetwork> networks = new IdentityHashMap<>();
    private final Map<WaveNet, Integer> chunkLengths = new IdentityHashMap<>();
    private boolean closed;

    /** An engine on {@code device} choosing each model's chunk length from device memory. */
    public OpenClEngine(DeviceInfo device) {
        this(device, 0);
    }

    /**
     * @param chunkLength new samples per device chunk (each chunk also computes an RF − 1 halo),
     *                    or 0 to choose from device memory
     */
    public OpenClEngine(DeviceInfo device, int chunkLength) {
        if (chunkLength < 0) {
            throw new IllegalArgumentException("chunk length must be positive (or 0 for automatic), got " + chunkLength);
        }
        this.device = device;
        this.requestedChunk = chunkLength;
        this.cl = OpenClContext.open(device);
        try {
            this.scheduler = new ChunkScheduler(cl);
        } catch (RuntimeException e) {
            cl.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "opencl";
    }

    @Override
    public String description() {
        return "OpenCL on " + device.name() + " (" + device.type() + ", " + device.platformName() + ", "
                + device.computeUnits() + " compute units)";
    }

    public DeviceInfo device() {
        return device;
    }

    @Override
    public StreamRenderer open(WaveNet model) {
        return new HaloStream(chunkRenderer(model));
    }

    /** A stateless renderer of chunks with halos (the offline path). */
    public OpenClChunkRenderer chunkRenderer(WaveNet model) {
        return new OpenClChunkRenderer(this, model);
    }

    /** Renders a whole signal (silence before it) without copying it into a stream's buffer. */
    @Override
    public float[] render(WaveNet model, float[] in) {
        return renderAll(model, List.of(in))[0];
    }

    /**
     * Renders several independent signals, each from silence, packing them together into device
     * chunks so many short files fill one launch.
     */
    @Override
    public float[][] renderAll(WaveNet model, List<float[]> signals) {
        float[][] out = new float[signals.size()][];
        List<ChunkScheduler.Job> jobs = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            float[] in = signals.get(i);
            out[i] = new float[in.length];
            jobs.add(new ChunkScheduler.Job(in, 0, in.length, 0, out[i], 0));
        }
        render(model, jobs);
        return out;
    }

    @Override
    public boolean packs() {
        return true;
    }

    /** New samples per device chunk for this model: the requested length, or the one that fits. */
    public synchronized int chunkLength(WaveNet model) {
        Integer known = chunkLengths.get(model);
        if (known != null) {
            return known;
        }
        long max = ChunkScheduler.maxPositions(device, network(model).plan().rows());
        int rf = model.receptiveField();
        int chunk = requestedChunk > 0 ? ChunkLength.check(requestedChunk, max, rf)
                : ChunkLength.choose(max, rf, device.type());
        chunkLengths.put(model, chunk);
        return chunk;
    }

    synchronized DeviceNetwork network(WaveNet model) {
        if (closed) {
            throw new IllegalStateException("the OpenCL engine is closed");
        }
        DeviceNetwork n = networks.get(model);
        if (n == null) {
            n = new DeviceNetwork(cl, model);
            networks.put(model, n);
        }
        return n;
    }

    synchronized void render(WaveNet model, List<ChunkScheduler.Job> jobs) {
        scheduler.render(network(model), jobs, chunkLength(model));
    }

    /** Releases the device buffers, weights, queues and the context. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        networks.values().forEach(DeviceNetwork::close);
        networks.clear();
        scheduler.close();
        cl.close();
    }
}
