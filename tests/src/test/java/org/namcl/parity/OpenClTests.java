package org.namcl.parity;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.namcl.opencl.DeviceInfo;
import org.namcl.opencl.OpenClDevices;

/** Gate for tests that need an OpenCL device: skipped locally without one, a failure under CI=true. */
final class OpenClTests {
    private OpenClTests() {
    }

    /** The device {@code choose("auto")} picks (NAMCL_DEVICE overrides the selector). */
    static DeviceInfo requireDevice() {
        if (OpenClDevices.list().isEmpty()) {
            String why = "No OpenCL device: " + OpenClDevices.unavailableReason().orElseThrow();
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            assumeTrue(false, why);
        }
        return OpenClDevices.choose(System.getenv("NAMCL_DEVICE"));
    }
}
