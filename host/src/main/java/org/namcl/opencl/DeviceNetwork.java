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
 * A WaveNet on one device: its {@link NetworkPlan} with every kernel compiled and every launch's
 * weights uploaded once, read-only. Weights go to __constant memory (cached and broadcast to all
 * work-items, which read the same weight at the same time) when a launch's block fits the
 * device's constant buffer, else to __global.
 */
final class DeviceNetwork implements AutoCloseable {
    /** Work-items per group, when the kernel allows: enough to fill a GPU's schedulers. */
    private static final int PREFERRED_LOCAL = 128;

    private final NetworkPlan plan;
    private final List<Launch> launches = new ArrayList<>();
    private final int chunkLength;
    private long weightBytes;

    private record Launch(cl_kernel kernel, long local, NetworkPlan.Step step, cl_mem weights) {
    }

    /**
     * @param requestedChunk new samples per chunk, or 0 to choose from device memory
     */
    DeviceNetwork(OpenClContext cl, WaveNet net, int requestedChunk) {
        this.plan = NetworkPlan.of(net);
        long max = ChunkScheduler.maxPositions(cl.device(), plan.rows());
        int rf = net.receptiveField();
        this.chunkLength = requestedChunk > 0 ? ChunkLength.check(requestedChunk, max, rf)
                : ChunkLength.choose(max, rf, cl.device().type());
        long constantBytes = ClInfo.deviceLong(cl.deviceId(), CL.CL_DEVICE_MAX_CONSTANT_BUFFER_SIZE);
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
                launches.add(new Launch(kernel, localSize(cl, kernel), s, w));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    NetworkPlan plan() {
        return plan;
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
            long global = (n + l.local() - 1) / l.local() * l.local();
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
