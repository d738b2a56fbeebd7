package org.namcl.opencl;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_mem;

/**
 * Page-locked host memory (a CL_MEM_ALLOC_HOST_PTR buffer kept mapped) used as the host side of
 * non-blocking transfers: drivers copy from it by DMA at full bus speed, where ordinary memory
 * is first staged through a driver buffer. JOCL also requires direct memory for non-blocking
 * transfers, which Java arrays are not.
 */
final class PinnedBuffer implements AutoCloseable {
    private final OpenClContext cl;
    private final cl_mem mem;
    private final ByteBuffer mapped;
    private final FloatBuffer floats;

    PinnedBuffer(OpenClContext cl, int capacityFloats) {
        this.cl = cl;
        long bytes = (long) capacityFloats * Sizeof.cl_float;
        this.mem = ClCalls.create("clCreateBuffer(pinned, " + bytes + " bytes)",
                err -> CL.clCreateBuffer(cl.context(), CL.CL_MEM_READ_WRITE | CL.CL_MEM_ALLOC_HOST_PTR, bytes, null, err));
        try {
            this.mapped = ClCalls.create("clEnqueueMapBuffer(pinned)",
                    err -> CL.clEnqueueMapBuffer(cl.queue(), mem, true, CL.CL_MAP_READ | CL.CL_MAP_WRITE, 0, bytes,
                            0, null, null, err)).order(ByteOrder.nativeOrder());
        } catch (RuntimeException e) {
            DeviceMemory.release(mem);
            throw e;
        }
        this.floats = mapped.asFloatBuffer();
    }

    int capacity() {
        return floats.capacity();
    }

    /** Float view for absolute get/put. */
    FloatBuffer floats() {
        return floats;
    }

    /** Host address of float {@code index}, for clEnqueueRead/WriteBuffer. */
    Pointer at(int index) {
        return Pointer.to(mapped).withByteOffset((long) index * Sizeof.cl_float);
    }

    @Override
    public void close() {
        ClCalls.status(() -> CL.clEnqueueUnmapMemObject(cl.queue(), mem, mapped, 0, null, null));
        ClCalls.status(() -> CL.clFinish(cl.queue()));
        DeviceMemory.release(mem);
    }
}
