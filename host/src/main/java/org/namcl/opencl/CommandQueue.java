package org.namcl.opencl;

import org.jocl.CL;
import org.jocl.cl_command_queue;

/** An extra in-order queue on a context's device, e.g. one per transfer direction. */
final class CommandQueue implements AutoCloseable {
    private final cl_command_queue queue;

    CommandQueue(OpenClContext cl, String purpose) {
        // clCreateCommandQueue rather than ...WithProperties: the latter needs OpenCL 2.0.
        @SuppressWarnings("deprecation")
        cl_command_queue q = ClCalls.create("clCreateCommandQueue(" + purpose + ") on " + cl.device().name(),
                err -> CL.clCreateCommandQueue(cl.context(), cl.deviceId(),
                        cl.profiling() ? CL.CL_QUEUE_PROFILING_ENABLE : 0, err));
        this.queue = q;
    }

    cl_command_queue handle() {
        return queue;
    }

    /** Releases the queue once its commands have completed; never throws. */
    @Override
    public void close() {
        ClCalls.status(() -> CL.clFinish(queue));
        ClCalls.status(() -> CL.clReleaseCommandQueue(queue));
    }
}
