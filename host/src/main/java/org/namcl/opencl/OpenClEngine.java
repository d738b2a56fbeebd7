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
 * The OpenCL engine: WaveNets rendered layer by layer over long chunks on one device, each chunk
 * with its own RF − 1 halo, uploads and downloads overlapping the kernels, many short signals
 * packed into one launch, sources read and decoded on reader threads ahead of the device and
 * outputs written on threads behind it. It runs mono WaveNet models only ({@link #supports}); pick the device
 * with {@link OpenClDevices#choose(String)}. Inside the package: {@link NetworkPlan} for the
 * kernels, {@link ChunkScheduler} for chunking and overlap, {@link BatchPacker} for packing,
 * {@link OpenClJobRun} for how a batch of jobs is grouped.
 *
 * <p>Programs are compiled once per kernel shape (models of one shape share them); weights are
 * uploaded once per model and kept in a bounded cache (at most 32 models and 1/16 of device
 * memory), least recently used out, models told apart by identity. Work on one engine runs one
 * call at a time: calls share its queues, kernels and intermediate buffers. Device failures (out
 * of resources, lost device) surface as {@link OpenClException}s naming the OpenCL error.
 * Close the engine to release the device.
 */
public final class OpenClEngine implements Engine {
    private final DeviceInfo device;
    private final OpenClContext cl;
    private final ChunkScheduler scheduler;
    private final NetworkCache networks;
    private final OpenClSettings settings;
    private boolean closed;

    /**
     * An engine on {@code device} with {@link OpenClSettings#defaults()}: each model's chunk
     * length and plan chosen from the device.
     *
     * @param device a device listed by {@link OpenClDevices}
     * @throws OpenClException when the device's context or queues cannot be created
     * @throws IllegalArgumentException when {@code device} is not one {@link OpenClDevices} listed
     */
    public OpenClEngine(DeviceInfo device) {
        this(device, 0, false);
    }

    /**
     * An engine on {@code device} with a fixed chunk length and, optionally, profiling.
     *
     * @param device      a device listed by {@link OpenClDevices}
     * @param chunkLength new samples per device chunk (each chunk also computes an RF − 1 halo),
     *                    or 0 to choose from device memory
     * @param profiling   queues record when each command ran (for {@link #chunkTimings})
     * @throws OpenClException when the device's context or queues cannot be created
     * @throws IllegalArgumentException when {@code chunkLength} is negative or {@code device} is
     *                                  not one {@link OpenClDevices} listed
     */
    public OpenClEngine(DeviceInfo device, int chunkLength, boolean profiling) {
        this(device, OpenClSettings.defaults().withChunkLength(chunkLength).withProfiling(profiling));
    }

    /**
     * An engine on {@code device} planning and running models as {@code settings} say.
     *
     * @param device   a device listed by {@link OpenClDevices}
     * @param settings chunk length, profiling, weight space, fusion, host threads and packing
     * @throws OpenClException when the device's context or queues cannot be created
     * @throws IllegalArgumentException when {@code device} is not one {@link OpenClDevices} listed
     */
    public OpenClEngine(DeviceInfo device, OpenClSettings settings) {
        this.device = device;
        this.settings = settings;
        this.cl = OpenClContext.open(device, settings.profiling());
        try {
            this.scheduler = new ChunkScheduler(cl);
        } catch (RuntimeException e) {
            cl.close();
            throw e;
        }
        this.networks = new NetworkCache(cl, settings, NetworkCache.MAX_MODELS, NetworkCache.byteBudget(device));
    }

    /**
     * An engine on {@code device} with a fixed chunk length, without profiling.
     *
     * @param device      a device listed by {@link OpenClDevices}
     * @param chunkLength new samples per device chunk, or 0 to choose from device memory
     * @throws OpenClException when the device's context or queues cannot be created
     * @throws IllegalArgumentException when {@code chunkLength} is negative or {@code device} is
     *                                  not one {@link OpenClDevices} listed
     */
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

    /**
     * How this engine plans and runs models.
     *
     * @return the settings it was made with
     */
    public OpenClSettings settings() {
        return settings;
    }

    /**
     * The device this engine runs on.
     *
     * @return the device it was made with
     */
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
    OpenClChunkRenderer chunkRenderer(Network model) {
        UnsupportedModelException.check(supports(model));
        return new OpenClChunkRenderer(this, (WaveNet) model);
    }

    @Override
    public synchronized void run(Iterator<RenderJob> jobs, Consumer<JobOutcome> outcomes) {
        checkOpen();
        new OpenClJobRun(this, scheduler, settings, outcomes).run(jobs);
    }

    /**
     * New samples per device chunk for this model, uploading it first if it is not cached.
     *
     * @param model a WaveNet
     * @return the requested length, or the one that fits the device
     * @throws OpenClException when the model's chunk (with its halo) does not fit the device, or
     *                         its kernels fail to build or its weights to upload
     * @throws IllegalStateException when the engine is closed
     */
    public synchronized int chunkLength(WaveNet model) {
        return network(model).chunkLength();
    }

    /**
     * Where each chunk's stage timestamps go from now on (engines made with profiling only), to
     * see that uploads, kernels and downloads overlap. Called on the thread that renders, as each
     * chunk's download completes.
     *
     * @param observer told each chunk's timing; null to stop
     * @throws IllegalStateException when the engine was made without profiling
     */
    public synchronized void chunkTimings(Consumer<ChunkTiming> observer) {
        if (!cl.profiling()) {
            throw new IllegalStateException("chunk timings need an engine made with profiling");
        }
        scheduler.timings(observer);
    }

    /**
     * How this model runs here, uploading it first if it is not cached.
     *
     * @param model a WaveNet
     * @return its launches, fused layers, weight spaces and bytes per sample
     * @throws OpenClException when the model's kernels fail to build, its weights to upload or its
     *                         chunk to fit the device
     * @throws IllegalStateException when the engine is closed
     */
    public synchronized PlanSummary plan(WaveNet model) {
        return network(model).summary();
    }

    /**
     * Models whose weights are on the device now.
     *
     * @return how many, at most the cache's bound
     */
    public synchronized int cachedModels() {
        return networks.size();
    }

    /**
     * Programs compiled so far: one per distinct kernel shape, shared by models of one shape.
     *
     * @return how many
     */
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
