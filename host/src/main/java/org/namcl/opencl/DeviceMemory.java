package org.namcl.opencl;

import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_mem;

/** Creating and releasing plain device buffers. */
final class DeviceMemory {
    private DeviceMemory() {
    }

    /** A read-write buffer of {@code floats} floats (at least one), contents undefined. */
    static cl_mem allocate(OpenClContext cl, long floats) {
        long bytes = Math.max(1, floats) * Sizeof.cl_float;
        return ClCalls.create("clCreateBuffer(" + bytes + " bytes)",
                err -> CL.clCreateBuffer(cl.context(), CL.CL_MEM_READ_WRITE, bytes, null, err));
    }

    /** A read-only buffer holding {@code data} (kernels never write weights). */
    static cl_mem upload(OpenClContext cl, float[] data) {
        float[] src = data.length == 0 ? new float[1] : data;
        return ClCalls.create("clCreateBuffer(weights, " + src.length + " floats)",
                err -> CL.clCreateBuffer(cl.context(), CL.CL_MEM_READ_ONLY | CL.CL_MEM_COPY_HOST_PTR,
                        (long) src.length * Sizeof.cl_float, Pointer.to(src), err));
    }

    static void release(cl_mem mem) {
        if (mem != null) {
            ClCalls.status(() -> CL.clReleaseMemObject(mem));
        }
    }
}
