package org.namcl.opencl;

import java.util.Locale;

/**
 * What namcl needs to know about one OpenCL device.
 *
 * @param index          position in {@link OpenClDevices#list()}; what {@code choose("N")} selects
 * @param platformIndex  position of the platform in clGetPlatformIDs order
 * @param deviceIndex    position of the device within its platform
 * @param deviceVersion  CL_DEVICE_VERSION, e.g. "OpenCL 3.0 CUDA"
 * @param openClCVersion CL_DEVICE_OPENCL_C_VERSION, e.g. "OpenCL C 1.2"
 * @param driverVersion  CL_DRIVER_VERSION
 */
public record DeviceInfo(
        int index,
        int platformIndex,
        String platformName,
        int deviceIndex,
        String name,
        Type type,
        String vendor,
        long globalMemBytes,
        long maxAllocBytes,
        long localMemBytes,
        int computeUnits,
        long maxWorkGroupSize,
        String deviceVersion,
        String openClCVersion,
        String driverVersion) {

    public enum Type { GPU, CPU, ACCELERATOR, OTHER }

    /** One line for device lists and error messages. */
    public String summary() {
        return String.format(Locale.ROOT, "#%d %s [%s, %s, %s, %d compute units, %.1f GiB]",
                index, name, type, platformName, deviceVersion, computeUnits,
                globalMemBytes / (double) (1L << 30));
    }
}
