package org.namcl.opencl;

import org.jocl.CL;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;

/**
 * An OpenCL context on one device with one in-order command queue and the programs built in it.
 * Closing releases the programs, their kernels, the queue and the context; buffers the caller
 * created in {@link #context()} must be released by the caller first.
 */
final class OpenClContext implements AutoCloseable {

    private final DeviceInfo device;
    private final cl_device_id deviceId;
    private final cl_context context;
    private final cl_command_queue queue;
    private final boolean profiling;
    private final ProgramBuilder programs;
    private boolean closed;

    private OpenClContext(DeviceInfo device, cl_device_id deviceId, cl_context context, cl_command_queue queue,
            boolean profiling) {
        this.device = device;
        this.deviceId = deviceId;
        this.context = context;
        this.queue = queue;
        this.profiling = profiling;
        this.programs = new ProgramBuilder(context, deviceId, device.name());
    }

    public static OpenClContext open(DeviceInfo device) {
        return open(device, false);
    }

    /** @param profiling enable CL_QUEUE_PROFILING_ENABLE so events carry start/end timestamps */
    public static OpenClContext open(DeviceInfo device, boolean profiling) {
        OpenClDevices.Entry entry = OpenClDevices.entry(device);
        cl_context_properties properties = new cl_context_properties();
        properties.addProperty(CL.CL_CONTEXT_PLATFORM, entry.platform());
        cl_device_id[] devices = {entry.device()};
        cl_context context = ClCalls.create("clCreateContext on " + device.name(),
                err -> CL.clCreateContext(properties, 1, devices, null, null, err));
        try {
            // clCreateCommandQueue rather than ...WithProperties: the latter needs OpenCL 2.0.
            @SuppressWarnings("deprecation")
            cl_command_queue queue = ClCalls.create("clCreateCommandQueue on " + device.name(),
                    err -> CL.clCreateCommandQueue(context, entry.device(),
                            profiling ? CL.CL_QUEUE_PROFILING_ENABLE : 0, err));
            return new OpenClContext(device, entry.device(), context, queue, profiling);
        } catch (RuntimeException e) {
            ClCalls.status(() -> CL.clReleaseContext(context));
            throw e;
        }
    }

    public DeviceInfo device() {
        return device;
    }

    public cl_device_id deviceId() {
        return deviceId;
    }

    public cl_context context() {
        return context;
    }

    public cl_command_queue queue() {
        return queue;
    }

    public boolean profiling() {
        return profiling;
    }

    /** Builds and caches this context's programs. */
    public ProgramBuilder programs() {
        return programs;
    }

    /** Blocks until every command queued so far has completed. */
    public void finish() {
        ClCalls.check("clFinish", () -> CL.clFinish(queue));
    }

    /** Releases everything; reports a failure of work still queued (clFinish) only after releasing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        int finished = ClCalls.status(() -> CL.clFinish(queue));
        programs.close();
        ClCalls.status(() -> CL.clReleaseCommandQueue(queue));
        ClCalls.status(() -> CL.clReleaseContext(context));
        if (finished != CL.CL_SUCCESS) {
            throw new OpenClException("clFinish while closing the context on " + device.name(), finished);
        }
    }
}
