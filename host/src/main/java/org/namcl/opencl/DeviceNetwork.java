package org.namcl.opencl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_event;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.namcl.model.net.WaveNet;

/**
 * A WaveNet on one device: its {@link NetworkPlan} (layers fused where {@link FusionPlanner}
 * says so) with every kernel compiled and every launch's weights uploaded once, read-only.
 * Weights go to __constant memory (cached and broadcast to all work-items, which read the same
 * weight at the same time) when a launch's block fits the device's constant buffer, else to
 * __global (always, when the settings say so).
 */
final class DeviceNetwork implements AutoCloseable {
    /** Work-items per group, when the kernel allows: enough to fill a GPU's schedulers. */
    private static final int PREFERRED_LOCAL = 128;

    private final NetworkPlan plan;
    private final NetworkPlan perLayer;
    private final List<Launch> launches = new ArrayList<>();
    private final int chunkLength;
    private long weightBytes;

    private record Launch(cl_kernel kernel, long local, NetworkPlan.Step step, cl_mem weights, boolean constant) {
    }

    DeviceNetwork(OpenClContext cl, WaveNet net, OpenClSettings settings) {
        DeviceInfo device = cl.device();
        this.plan = NetworkPlan.of(net, new FusionPlanner(device.localMemBytes(), fusionPays(device), settings));
        this.perLayer = NetworkPlan.of(net);
        long max = ChunkScheduler.maxPositions(device, plan.rows());
        int rf = net.receptiveField();
        this.chunkLength = settings.chunkLength() > 0 ? ChunkLength.check(settings.chunkLength(), max, rf)
                : ChunkLength.choose(max, rf, device.type());
        long constantBytes = settings.weights() == OpenClSettings.Weights.GLOBAL ? 0
                : ClInfo.deviceLong(cl.deviceId(), CL.CL_DEVICE_MAX_CONSTANT_BUFFER_SIZE);
        Map<String, String> sources = new HashMap<>();
        try {
            for (NetworkPlan.Step s : plan.steps()) {
                KernelSpec spec = s.spec();
                Map<String, Object> defines = new HashMap<>(spec.defines());
                boolean constant = (long) spec.weights().length * Sizeof.cl_float <= constantBytes;
                defines.put("WSPACE", constant ? "__constant" : "__global");
                List<String> texts = spec.sources().stream()
                        .map(name -> sources.computeIfAbsent(name, KernelSource::load)).toList();
                cl_kernel kernel = cl.programs().build(texts, defines).kernel(spec.kernel());
                cl_mem w = DeviceMemory.upload(cl, spec.weights());
                weightBytes += (long) spec.weights().length * Sizeof.cl_float;
                launches.add(new Launch(kernel, localSize(cl, kernel), s, w, constant));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    NetworkPlan plan() {
        return plan;
    }

    /** Whether fused launches pay on this device, for {@link OpenClSettings.Fusion#AUTO}. */
    static boolean fusionPays(DeviceInfo device) {
        return device.type() == DeviceInfo.Type.GPU;
    }

    /** What runs: launches, fused layers, weight spaces and bytes per sample beside the per-layer plan's. */
    PlanSummary summary() {
        int layers = 0;
        int fused = 0;
        int fusedLaunches = 0;
        int maxTile = 0;
        for (NetworkPlan.Step s : plan.steps()) {
            boolean isFused = s.tile() > 0;
            layers += s.layers();
            fused += isFused ? s.layers() : 0;
            fusedLaunches += isFused ? 1 : 0;
            maxTile = Math.max(maxTile, s.tile());
        }
        int global = (int) launches.stream().filter(l -> !l.constant()).count();
        return new PlanSummary(launches.size(), layers, fused, fusedLaunches, maxTile, global, plan.bytesPerSample(),
                perLayer.bytesPerSample());
    }

    int receptiveField() {
        return plan.receptiveField();
    }

    /** New samples per device chunk. */
    int chunkLength() {
        return chunkLength;
    }

    /** Device memory its weights take. */
    long weightBytes() {
        return weightBytes;
    }

    /**
     * Enqueues every launch for one chunk of {@code n} positions; the first waits for
     * {@code after}. The queue is in order, so each launch sees the previous one's results.
     *
     * @param buffers device buffer per plan buffer number
     * @return the last launch's event (the caller releases it)
     */
    cl_event enqueue(cl_command_queue queue, cl_mem[] buffers, int stride, int n, cl_event after) {
        cl_event done = null;
        for (int i = 0; i < launches.size(); i++) {
            Launch l = launches.get(i);
            NetworkPlan.Step s = l.step();
            int arg = 0;
            for (int b : s.buffers()) {
                setArg(l.kernel(), arg++, Sizeof.cl_mem, Pointer.to(buffers[b]));
            }
            setArg(l.kernel(), arg++, Sizeof.cl_mem, Pointer.to(l.weights()));
            setArg(l.kernel(), arg++, Sizeof.cl_int, Pointer.to(new int[] {stride}));
            setArg(l.kernel(), arg++, Sizeof.cl_int, Pointer.to(new int[] {n}));
            for (Number v : s.args()) {
                setArg(l.kernel(), arg++, Sizeof.cl_int, v instanceof Float f
                        ? Pointer.to(new float[] {f}) : Pointer.to(new int[] {v.intValue()}));
            }
            long global = s.tile() > 0 ? (n + s.tile() - 1) / s.tile() * l.local()
                    : (n + l.local() - 1) / l.local() * l.local();
            boolean first = i == 0;
            boolean last = i == launches.size() - 1;
            if (last) {
                done = new cl_event();
            }
            cl_event event = done;
            ClCalls.check("clEnqueueNDRangeKernel(" + s.spec().kernel() + ", " + global + " work-items)",
                    () -> CL.clEnqueueNDRangeKernel(queue, l.kernel(), 1, null, new long[] {global},
                            new long[] {l.local()}, first && after != null ? 1 : 0,
                            first && after != null ? new cl_event[] {after} : null, last ? event : null));
        }
        return done;
    }

    private static void setArg(cl_kernel kernel, int index, long size, Pointer value) {
        ClCalls.check("clSetKernelArg(" + index + ")", () -> CL.clSetKernelArg(kernel, index, size, value));
    }

    /** The largest power of two up to {@link #PREFERRED_LOCAL} the compiled kernel allows. */
    private static long localSize(OpenClContext cl, cl_kernel kernel) {
        long max = ClInfo.kernelWorkGroupSize(kernel, cl.deviceId(), CL.CL_KERNEL_WORK_GROUP_SIZE);
        return Long.highestOneBit(Math.max(1, Math.min(PREFERRED_LOCAL, max)));
    }

    /** Releases the weight buffers; the programs belong to the context's cache. */
    @Override
    public void close() {
        launches.forEach(l -> DeviceMemory.release(l.weights()));
        launches.clear();
    }
}
