package org.namcl.opencl;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Gate for tests that need an OpenCL device: skipped locally without one, a failure on CI. */
final class OpenClTestSupport {

    private OpenClTestSupport() {
    }

    /** The device {@code choose("auto")} picks; fails under CI=true and skips otherwise when there is none. */
    static DeviceInfo requireDevice() {
        if (OpenClDevices.list().isEmpty()) {
            // The reason ends with how to install one (scripts/ensure-opencl.sh).
            String why = "No OpenCL device: " + OpenClDevices.unavailableReason().orElseThrow();
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            assumeTrue(false, why);
        }
        return OpenClDevices.choose("auto");
    }
}
