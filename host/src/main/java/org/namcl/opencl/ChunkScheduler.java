package org.namcl.opencl;

import java.nio.FloatBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_event;
import org.jocl.cl_mem;

/**
 * Runs render jobs through a {@link DeviceNetwork} chunk by chunk, overlapping transfers with
 * compute. Three in-order queues: uploads, kernels (the context's queue) and downloads, chained
 * by events, so a GPU's two copy engines and its compute units work at once: while chunk i
 * computes, chunk i + 1 uploads and chunk i − 1 downloads. Two slots (device input and output
 * buffers with their pinned host buffers) alternate between chunks; before a slot is refilled
 * the host waits for its previous chunk's download, which is also what bounds memory however
 * long the input. The intermediates are shared by both slots: the kernel queue runs chunks one
 * after the other.
 */
final class ChunkScheduler implements AutoCloseable {

    /**
     * A render job: input samples in[offset, offset + length), silence before them; outputs for
     * samples [from, length) go to out[outOffset ..].
     */
    record Job(float[] in, int offset, int length, int from, float[] out, int outOffset) {
    }

    private static final float[] ZEROS = new float[4096];
    private static final int SLOTS = 2;

    private final OpenClContext cl;
    private final CommandQueue upload;
    private final CommandQueue download;
    private final Workspace workspace;
    private final Slot[] slots = new Slot[SLOTS];
    private Consumer<ChunkTiming> timings;

    ChunkScheduler(OpenClContext cl) {
        this.cl = cl;
        this.workspace = new Workspace(cl);
        this.upload = new CommandQueue(cl, "upload");
        try {
            this.download = new CommandQueue(cl, "download");
        } catch (RuntimeException e) {
            upload.close();
            throw e;
        }
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot();
        }
    }

    /**
     * The most positions a chunk of a plan with these buffer rows may have on {@code device}:
     * the plan's intermediates plus each slot's input and output.
     */
    static long maxPositions(DeviceInfo device, int[] rows) {
        long floatsPerPosition = (long) SLOTS * (rows[NetworkPlan.IN] + rows[NetworkPlan.OUT]);
        int widest = 1;
        for (int b = NetworkPlan.OUT + 1; b < rows.length; b++) {
            floatsPerPosition += rows[b];
            widest = Math.max(widest, rows[b]);
        }
        return ChunkLength.maxPositions(device.globalMemBytes(), device.maxAllocBytes(), floatsPerPosition, widest);
    }

    /**
     * Jobs laid out in chunks (see {@link BatchPacker}), and what to do once the last of them is
     * back: the scheduler's unit of work.
     */
    record Unit(List<Job> jobs, List<BatchPacker.Chunk> chunks, Runnable done) {
        static Unit of(List<Job> jobs, int rf, int chunkLength, Runnable done) {
            int[] lengths = jobs.stream().mapToInt(Job::length).toArray();
            int[] froms = jobs.stream().mapToInt(Job::from).toArray();
            return new Unit(jobs, BatchPacker.pack(lengths, froms, rf, rf - 1 + chunkLength), done);
        }
    }

    /** Units, produced as the scheduler has room for them: on the rendering thread, while chunks are in flight. */
    interface Feed {
        /** The next unit, or null at the end. */
        Unit next();

        /**
         * Whether {@link #next} would return without waiting (for a source being read): until it
         * does, the scheduler takes back the chunks in flight instead of waiting with them.
         */
        default boolean ready() {
            return true;
        }
    }

    /** Renders the jobs; returns when every output is in place. */
    synchronized void render(DeviceNetwork net, List<Job> jobs, int chunkLength) {
        Unit unit = Unit.of(jobs, net.receptiveField(), chunkLength, () -> { });
        int longest = unit.chunks().stream().mapToInt(BatchPacker.Chunk::length).max().orElse(0);
        Unit[] once = {unit};
        render(net, () -> {
            Unit u = once[0];
            once[0] = null;
            return u;
        }, longest);
    }

    /**
     * Renders the feed's units in order, keeping {@link #SLOTS} chunks in flight across unit
     * boundaries, so a long stream fed unit by unit never drains the device between units. A
     * unit's {@code done} runs once its last chunk is back; returns after the last unit's.
     *
     * @param capacity the most positions any chunk of the feed takes (sizes the buffers once)
     */
    synchronized void render(DeviceNetwork net, Feed feed, int capacity) {
        if (capacity <= 0) {
            return;
        }
        int rf = net.receptiveField();
        int stride = ChunkLength.stride(capacity);
        cl_mem[] bound = workspace.bind(net.plan().rows(), stride);
        for (Slot s : slots) {
            s.ensure(stride);
        }
        Deque<InFlight> inFlight = new ArrayDeque<>();
        boolean completed = false;
        try {
            int submitted = 0;
            Unit unit = feed.next();
            int next = 0;
            while (unit != null || !inFlight.isEmpty()) {
                if (unit != null && next == unit.chunks().size()) {
                    if (unit.chunks().isEmpty()) {
                        if (!inFlight.isEmpty()) {
                            complete(inFlight.removeFirst(), rf); // units end in order
                            continue;
                        }
                        unit.done().run();
                    }
                    if (!inFlight.isEmpty() && !feed.ready()) {
                        complete(inFlight.removeFirst(), rf); // outputs go on being written while the next unit is read
                        continue;
                    }
                    unit = feed.next();
                    next = 0;
                } else if (unit != null && inFlight.size() < slots.length) {
                    BatchPacker.Chunk chunk = unit.chunks().get(next++);
                    Slot slot = slots[submitted++ % slots.length];
                    boolean last = next == unit.chunks().size();
                    inFlight.addLast(submit(net, chunk, unit, last, slot, bound, stride));
                } else {
                    complete(inFlight.removeFirst(), rf);
                }
            }
            completed = true;
        } finally {
            if (!completed) {
                // let queued work drain before its buffers are reused or freed
                ClCalls.status(() -> CL.clFinish(upload.handle()));
                ClCalls.status(() -> CL.clFinish(cl.queue()));
                ClCalls.status(() -> CL.clFinish(download.handle()));
                inFlight.forEach(InFlight::release);
            }
        }
    }

    private void complete(InFlight f, int rf) {
        f.complete(rf, timings);
        if (f.lastOfUnit()) {
            f.unit().done().run();
        }
    }

    /** Where each chunk's {@link ChunkTiming} goes from now on, on a profiling context (null: nowhere). */
    void timings(Consumer<ChunkTiming> observer) {
        this.timings = observer;
    }

    /** Fills the slot's pinned input, then enqueues upload, kernels and download. */
    private InFlight submit(DeviceNetwork net, BatchPacker.Chunk chunk, Unit unit, boolean lastOfUnit, Slot slot,
                            cl_mem[] bound, int stride) {
        List<Job> jobs = unit.jobs();
        int rf = net.receptiveField();
        FloatBuffer host = slot.hostIn.floats();
        for (BatchPacker.Piece p : chunk.pieces()) {
            Job job = jobs.get(p.job());
            int zeros = rf - 1 - p.halo();
            for (int done = 0; done < zeros; done += ZEROS.length) {
                host.put(p.position() + done, ZEROS, 0, Math.min(ZEROS.length, zeros - done));
            }
            host.put(p.position() + zeros, job.in(), job.offset() + p.start() - p.halo(), p.halo() + p.count());
        }
        int n = chunk.length();
        cl_event uploaded = new cl_event();
        ClCalls.check("clEnqueueWriteBuffer(chunk input)", () -> CL.clEnqueueWriteBuffer(upload.handle(), slot.in,
                false, 0, (long) n * Sizeof.cl_float, slot.hostIn.at(0), 0, null, uploaded));
        bound[NetworkPlan.IN] = slot.in;
        bound[NetworkPlan.OUT] = slot.out;
        cl_event computed;
        try {
            ClCalls.check("clFlush(upload)", () -> CL.clFlush(upload.handle()));
            computed = net.enqueue(cl.queue(), bound, stride, n, uploaded);
            ClCalls.check("clFlush(compute)", () -> CL.clFlush(cl.queue()));
        } catch (RuntimeException e) {
            release(uploaded);
            throw e;
        }
        cl_event downloaded = new cl_event();
        int first = rf - 1; // the first piece starts at 0: nothing before its first output is wanted
        try {
            ClCalls.check("clEnqueueReadBuffer(chunk output)", () -> CL.clEnqueueReadBuffer(download.handle(),
                    slot.out, false, (long) first * Sizeof.cl_float, (long) (n - first) * Sizeof.cl_float,
                    slot.hostOut.at(first), 1, new cl_event[] {computed}, downloaded));
        } catch (RuntimeException e) {
            release(uploaded);
            release(computed);
            throw e;
        }
        InFlight f = new InFlight(chunk, unit, lastOfUnit, slot, uploaded, computed, downloaded);
        try {
            ClCalls.check("clFlush(download)", () -> CL.clFlush(download.handle()));
        } catch (RuntimeException e) {
            f.release();
            throw e;
        }
        return f;
    }

    private static void release(cl_event event) {
        ClCalls.status(() -> CL.clReleaseEvent(event));
    }

    /** A chunk whose download was enqueued, with the events of its three stages. */
    private record InFlight(BatchPacker.Chunk chunk, Unit unit, boolean lastOfUnit, Slot slot, cl_event uploaded,
                            cl_event computed, cl_event downloaded) {
        /** Waits for the download and scatters each piece's outputs to its job. */
        void complete(int rf, Consumer<ChunkTiming> timings) {
            try {
                int status = ClCalls.status(() -> CL.clWaitForEvents(1, new cl_event[] {downloaded}));
                if (status != CL.CL_SUCCESS) {
                    throw failure(status);
                }
                if (timings != null) {
                    timings.accept(new ChunkTiming(time(uploaded, CL.CL_PROFILING_COMMAND_START),
                            time(uploaded, CL.CL_PROFILING_COMMAND_END), time(computed, CL.CL_PROFILING_COMMAND_END),
                            time(downloaded, CL.CL_PROFILING_COMMAND_START),
                            time(downloaded, CL.CL_PROFILING_COMMAND_END)));
                }
            } finally {
                release();
            }
            FloatBuffer host = slot.hostOut.floats();
            for (BatchPacker.Piece p : chunk.pieces()) {
                Job job = unit.jobs().get(p.job());
                host.get(p.firstOutput(rf), job.out(), job.outOffset() + p.start() - job.from(), p.count());
            }
        }

        /**
         * The stage that failed first, with its own error (the wait only reports an error in its
         * wait list when the kernels ran out of resources or the device was lost).
         */
        private OpenClException failure(int waitStatus) {
            String[] stages = {"chunk upload", "chunk kernels", "chunk download"};
            cl_event[] events = {uploaded, computed, downloaded};
            for (int i = 0; i < events.length; i++) {
                int status = executionStatus(events[i]);
                if (status < 0) {
                    return new OpenClException(stages[i], status);
                }
            }
            return new OpenClException("clWaitForEvents(chunk download)", waitStatus);
        }

        private static long time(cl_event event, int which) {
            long[] t = {0};
            ClCalls.check("clGetEventProfilingInfo", () -> CL.clGetEventProfilingInfo(event, which, Sizeof.cl_ulong,
                    Pointer.to(t), null));
            return t[0];
        }

        private static int executionStatus(cl_event event) {
            int[] status = {CL.CL_SUCCESS};
            int err = ClCalls.status(() -> CL.clGetEventInfo(event, CL.CL_EVENT_COMMAND_EXECUTION_STATUS,
                    Sizeof.cl_int, Pointer.to(status), null));
            return err == CL.CL_SUCCESS ? status[0] : err;
        }

        void release() {
            ChunkScheduler.release(uploaded);
            ChunkScheduler.release(computed);
            ChunkScheduler.release(downloaded);
        }
    }

    /** Device input and output buffers of one chunk with their pinned host sides. */
    private final class Slot implements AutoCloseable {
        cl_mem in;
        cl_mem out;
        PinnedBuffer hostIn;
        PinnedBuffer hostOut;
        int capacity;

        /** Grows the buffers to {@code floats}; only called with nothing in flight. */
        void ensure(int floats) {
            if (capacity >= floats) {
                return;
            }
            close();
            in = DeviceMemory.allocate(cl, floats);
            out = DeviceMemory.allocate(cl, floats);
            hostIn = new PinnedBuffer(cl, floats);
            hostOut = new PinnedBuffer(cl, floats);
            capacity = floats;
        }

        @Override
        public void close() {
            DeviceMemory.release(in);
            DeviceMemory.release(out);
            if (hostIn != null) {
                hostIn.close();
            }
            if (hostOut != null) {
                hostOut.close();
            }
            in = null;
            out = null;
            hostIn = null;
            hostOut = null;
            capacity = 0;
        }
    }

    @Override
    public void close() {
        upload.close();
        download.close();
        for (Slot s : slots) {
            s.close();
        }
        workspace.close();
    }
}
