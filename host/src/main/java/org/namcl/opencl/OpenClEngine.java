package org.namcl.opencl;

import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

import org.namcl.engine.Engine;
import org.namcl.engine.HaloStream;
import org.namcl.engine.JobOutcome;
import org.namcl.engine.RenderJob;
import org.namcl.engine.StreamRenderer;
import org.namcl.engine.Support;
import org.namcl.engine.UnsupportedModelException;
import org.namcl.model.net.Network;
import org.namcl.model.net.WaveNet;

/**
 * The OpenCL engine: WaveNets rendered layer by layer over long chunks on one device (see
 * {@link NetworkPlan} for the kernels, {@link ChunkScheduler} for chunking and overlap,
 * {@link BatchPacker} for packing many signals into one launch, {@link OpenClJobRun} for how a
 * batch of jobs is grouped).
 *
 * <p>Programs are compiled once per kernel shape (models of one shape share them); weights are
 * uploaded once per model and kept in a bounded cache ({@link NetworkCache}), least recently used
 * out. Work on one engine runs one call at a time: calls share its queues, kernels and
 * intermediate buffers. Device failures (out of resources, lost device) surface as
 * {@link OpenClException}s naming the OpenCL error.
 */
public final class OpenClEngine implements Engine {
    private final DeviceInfo device;
    private final OpenClContext cl;
    private final ChunkScheduler scheduler;
    private final NetworkCache networks;
    private boolean closed;

    /** An engine on {@code device} choosing each model's chunk length from device memory. */
    public OpenClEngine(DeviceInfo device) {
        this(device, 0, false);
    }

    /**
     * @param chunkLength new samples per device chunk (each chunk also computes an RF − 1 halo),
     *                    or 0 to choose from device memory
     * @param profiling   queues record when each command ran (for {@link #chunkTimings})
     */
    public OpenClEngine(DeviceInfo device, int chunkLength, boolean profiling) {
        this(device, OpenClSettings.defaults().withChunkLength(chunkLength).withProfiling(profiling));
    }

    /** An engine on {@code device} planning and running models as {@code settings} say. */
    public OpenClEngine(DeviceInfo device, OpenClSettings settings) {
        this.device = device;
        this.cl = OpenClContext.open(device, settings.profiling());
        try {
            this.scheduler = new ChunkScheduler(cl);
        } catch (RuntimeException e) {
            cl.close();
            throw e;
        }
        this.networks = new NetworkCache(cl, settings, NetworkCache.MAX_MODELS, NetworkCache.byteBudget(device));
    }

    public OpenClEngine(DeviceInfo device, int chunkLength) {
        this(device, chunkLength, false);
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
    public Support supports(Network model) {
        if (!(model instanceof WaveNet)) {
            return Support.no("the OpenCL engine does not run " + model.architecture() + " models");
        }
        return Support.mono(model);
    }

    @Override
    public StreamRenderer open(Network model) {
        return new HaloStream(chunkRenderer(model));
    }

    /** A stateless renderer of chunks with halos (the offline path). */
    public OpenClChunkRenderer chunkRenderer(Network model) {
        UnsupportedModelException.check(supports(model));
        return new OpenClChunkRenderer(this, (WaveNet) model);
    }

    @Override
    public synchronized void run(Iterator<RenderJob> jobs, Consumer<JobOutcome> outcomes) {
        checkOpen();
        new OpenClJobRun(this, scheduler, outcomes).run(jobs);
    }

    /** New samples per device chunk for this model: the requested length, or the one that fits. */
    public synchronized int chunkLength(WaveNet model) {
        return network(model).chunkLength();
    }

    /**
     * Where each chunk's stage timestamps go from now on (engines made with profiling only), to
     * see that uploads, kernels and downloads overlap.
     */
    public synchronized void chunkTimings(Consumer<ChunkTiming> observer) {
        if (!cl.profiling()) {
            throw new IllegalStateException("chunk timings need an engine made with profiling");
        }
        scheduler.timings(observer);
    }

    /** How this model runs here: its launches, fused layers, weight spaces and bytes per sample. */
    public synchronized PlanSummary plan(WaveNet model) {
        return network(model).summary();
    }

    /** Models whose weights are on the device now (bounded by the cache). */
    public synchronized int cachedModels() {
        return networks.size();
    }

    /** Programs compiled so far: one per distinct kernel shape. */
    public synchronized int compiledPrograms() {
        return cl.programs().size();
    }

    synchronized DeviceNetwork network(WaveNet model) {
        checkOpen();
        return networks.get(model);
    }

    synchronized void render(WaveNet model, List<ChunkScheduler.Job> jobs) {
        DeviceNetwork n = network(model);
        scheduler.render(n, jobs, n.chunkLength());
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the OpenCL engine is closed");
        }
    }

    /** Releases the device buffers, weights, queues and the context. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        networks.close();
        scheduler.close();
        cl.close();
    }
}
