package org.namcl.opencl;

import org.jocl.CL;

/**
 * A failed OpenCL operation, or OpenCL being unusable where it was asked for: no device matches,
 * the device is out of memory or resources, a kernel fails to build, the device is lost. The
 * message names the operation and, when OpenCL reported one, the error code. Unchecked, like the
 * engine's other failures; a caller choosing an engine may catch it to fall back to the CPU engine.
 */
public class OpenClException extends RuntimeException {

    /** The OpenCL status code, {@code CL_SUCCESS} when OpenCL did not report the failure. */
    private final int errorCode;

    /**
     * A failure that OpenCL itself did not report (no device matches, missing kernel source, ...);
     * its {@link #errorCode()} is {@code CL_SUCCESS}.
     *
     * @param message what failed and, where it helps, what to do about it
     */
    public OpenClException(String message) {
        super(message);
        this.errorCode = CL.CL_SUCCESS;
    }

    /**
     * {@code what} failed with {@code errorCode}; the message reads "what failed: CL_NAME (code)".
     *
     * @param what      the operation, e.g. "clCreateContext on NAME"
     * @param errorCode the OpenCL status code it returned
     */
    public OpenClException(String what, int errorCode) {
        super(what + " failed: " + errorName(errorCode));
        this.errorCode = errorCode;
    }

    /**
     * The OpenCL status code, e.g. {@code CL_OUT_OF_RESOURCES} (-5).
     *
     * @return the code, or {@code CL_SUCCESS} (0) when OpenCL did not report the failure
     */
    public int errorCode() {
        return errorCode;
    }

    /**
     * An OpenCL status code's name and number.
     *
     * @param errorCode an OpenCL status code
     * @return e.g. "CL_OUT_OF_RESOURCES (-5)"
     */
    public static String errorName(int errorCode) {
        return CL.stringFor_errorCode(errorCode) + " (" + errorCode + ")";
    }
}
