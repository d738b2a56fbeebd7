package org.namcl.opencl;

import java.util.function.Function;
import java.util.function.IntSupplier;

import org.jocl.CL;
import org.jocl.CLException;

/**
 * Runs JOCL calls and turns failures into {@link OpenClException}s naming the operation.
 * Works whether or not {@code CL.setExceptionsEnabled(true)} was called: JOCL then throws
 * {@link CLException} itself, which is translated the same way.
 */
final class ClCalls {

    private ClCalls() {
    }

    /** Runs a call that returns a status code, e.g. {@code check("clFinish", () -> CL.clFinish(queue))}. */
    public static void check(String what, IntSupplier call) {
        int status = status(call);
        if (status != CL.CL_SUCCESS) {
            throw new OpenClException(what, status);
        }
    }

    /** Runs a call that reports through {@code errcode_ret}, e.g. {@code create("clCreateKernel", err -> CL.clCreateKernel(p, n, err))}. */
    public static <T> T create(String what, Function<int[], T> call) {
        int[] err = {CL.CL_SUCCESS};
        T result;
        try {
            result = call.apply(err);
        } catch (CLException e) {
            throw new OpenClException(what, e.getStatus());
        }
        if (err[0] != CL.CL_SUCCESS) {
            throw new OpenClException(what, err[0]);
        }
        return result;
    }

    /** The call's status, also when JOCL threw it as a {@link CLException}; for cleanup paths that must not throw. */
    public static int status(IntSupplier call) {
        try {
            return call.getAsInt();
        } catch (CLException e) {
            return e.getStatus();
        }
    }
}
