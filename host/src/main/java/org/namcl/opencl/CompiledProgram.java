package org.namcl.opencl;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jocl.CL;
import org.jocl.cl_kernel;
import org.jocl.cl_program;

/**
 * A program built for one device, owned by its {@link ProgramBuilder}: it and its kernels are
 * released when the {@link OpenClContext} closes, so callers never release them.
 */
final class CompiledProgram {

    private final cl_program program;
    private final String options;
    private final String buildLog;
    private final Map<String, cl_kernel> kernels = new LinkedHashMap<>();

    CompiledProgram(cl_program program, String options, String buildLog) {
        this.program = program;
        this.options = options;
        this.buildLog = buildLog;
    }

    public cl_program handle() {
        return program;
    }

    public String options() {
        return options;
    }

    /** The compiler's output for a successful build (warnings), often empty. */
    public String buildLog() {
        return buildLog;
    }

    /**
     * The kernel with this function name, created on first request and then shared. Kernel
     * arguments are state of the kernel object, so set them right before each enqueue and use
     * one context per thread.
     */
    public synchronized cl_kernel kernel(String name) {
        cl_kernel kernel = kernels.get(name);
        if (kernel == null) {
            kernel = ClCalls.create("clCreateKernel(" + name + ")", err -> CL.clCreateKernel(program, name, err));
            kernels.put(name, kernel);
        }
        return kernel;
    }

    synchronized void release() {
        kernels.values().forEach(k -> ClCalls.status(() -> CL.clReleaseKernel(k)));
        kernels.clear();
        ClCalls.status(() -> CL.clReleaseProgram(program));
    }
}
