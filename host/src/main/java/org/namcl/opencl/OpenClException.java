package org.namcl.opencl;

import org.jocl.CL;

/** A failed OpenCL operation; the message names the operation and, when OpenCL reported one, the error code. */
public class OpenClException extends RuntimeException {

    private final int errorCode;

    /** A failure that OpenCL itself did not report (no device matches, missing kernel source, ...). */
    public OpenClException(String message) {
        super(message);
        this.errorCode = CL.CL_SUCCESS;
    }

    /** {@code what} failed with {@code errorCode}; the message reads "what failed: CL_NAME (code)". */
    public OpenClException(String what, int errorCode) {
        super(what + " failed: " + errorName(errorCode));
        this.errorCode = errorCode;
    }

    /** The OpenCL status code, or {@code CL_SUCCESS} (0) when OpenCL did not report the failure. */
    public int errorCode() {
        return errorCode;
    }

    /** E.g. "CL_OUT_OF_RESOURCES (-5)". */
    public static String errorName(int errorCode) {
        return CL.stringFor_errorCode(errorCode) + " (" + errorCode + ")";
    }
}
