package org.namcl.opencl;

import java.nio.FloatBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

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
     * Renders the jobs; returns when every output is in place.
     *
     * @param chunkLength new samples per chunk (each chunk adds an RF − 1 halo)
     */
    synchronized void render(DeviceNetwork net, List<Job> jobs, int chunkLength) {
        int rf = net.receptiveField();
        int[] lengths = jobs.stream().mapToInt(Job::length).toArray();
        int[] froms = jobs.stream().mapToInt(Job::from).toArray();
        List<BatchPacker.Chunk> chunks = BatchPacker.pack(lengths, froms, rf, rf - 1 + chunkLength);
        if (chunks.isEmpty()) {
            return;
        }
        int stride = ChunkLength.stride(chunks.stream().mapToInt(BatchPacker.Chunk::length).max().orElseThrow());
        cl_mem[] bound = workspace.bind(net.plan().rows(), stride);
        for (Slot s : slots) {
            s.ensure(stride);
        }
        Deque<InFlight> inFlight = new ArrayDeque<>();
        boolean completed = false;
        try {
            for (int i = 0; i < chunks.size(); i++) {
                Slot slot = slots[i % slots.length];
                if (inFlight.size() == slots.length) {
                    inFlight.removeFirst().complete(jobs, rf);
                }
                inFlight.addLast(submit(net, chunks.get(i), jobs, slot, bound, stride));
            }
            while (!inFlight.isEmpty()) {
                inFlight.removeFirst().complete(jobs, rf);
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

    /** Fills the slot's pinned input, then enqueues upload, kernels and download. */
    private InFlight submit(DeviceNetwork net, BatchPacker.Chunk chunk, List<Job> jobs, Slot slot, cl_mem[] bound,
                            int stride) {
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
        InFlight f = new InFlight(chunk, slot, uploaded, computed, downloaded);
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
    private record InFlight(BatchPacker.Chunk chunk, Slot slot, cl_event uploaded, cl_event computed,
                            cl_event downloaded) {
        /** Waits for the download and scatters each piece's outputs to its job. */
        void complete(List<Job> jobs, int rf) {
            try {
                int status = ClCalls.status(() -> CL.clWaitForEvents(1, new cl_event[] {downloaded}));
                if (status != CL.CL_SUCCESS) {
                    throw failure(status);
                }
            } finally {
                release();
            }
            FloatBuffer host = slot.hostOut.floats();
            for (BatchPacker.Piece p : chunk.pieces()) {
                Job job = jobs.get(p.job());
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
