package org.namcl.opencl;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Gate for tests that need an OpenCL device: skipped locally without one, a failure on CI. */
public final class OpenClTestSupport {

    private OpenClTestSupport() {
    }

    /**
     * The device {@code choose("auto")} picks (the NAMCL_DEVICE environment variable, an index or
     * a name, overrides the selector); fails under CI=true and skips otherwise when there is none.
     */
    public static DeviceInfo requireDevice() {
        if (OpenClDevices.list().isEmpty()) {
            // the reason, then how to install a driver (scripts/ensure-opencl.sh)
            String why = "No OpenCL device: " + OpenClDevices.unavailableReason().orElseThrow() + "; "
                    + OpenClDevices.INSTALL_HINT;
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            assumeTrue(false, why);
        }
        return OpenClDevices.choose(System.getenv("NAMCL_DEVICE"));
    }
}
