package org.namcl.opencl;

import java.util.Locale;

/**
 * What namcl needs to know about one OpenCL device, as {@link OpenClDevices} lists it; pass one
 * to {@link OpenClEngine#OpenClEngine(DeviceInfo)}. An engine opens only a device equal to one
 * {@link OpenClDevices} listed in this run: it finds the device's OpenCL handles by {@link #index()}.
 *
 * @param index            position in {@link OpenClDevices#list()}; what {@code choose("N")} selects
 * @param platformIndex    position of the platform in clGetPlatformIDs order
 * @param platformName     CL_PLATFORM_NAME, e.g. "Portable Computing Language"
 * @param deviceIndex      position of the device within its platform
 * @param name             CL_DEVICE_NAME; what {@link OpenClDevices#choose(String)} matches names against
 * @param type             the kind of device, from CL_DEVICE_TYPE
 * @param vendor           CL_DEVICE_VENDOR
 * @param globalMemBytes   CL_DEVICE_GLOBAL_MEM_SIZE; bounds the chunk length and the weights cached
 * @param maxAllocBytes    CL_DEVICE_MAX_MEM_ALLOC_SIZE, the largest single buffer
 * @param localMemBytes    CL_DEVICE_LOCAL_MEM_SIZE; bounds the tile of fused launches
 * @param computeUnits     CL_DEVICE_MAX_COMPUTE_UNITS
 * @param maxWorkGroupSize CL_DEVICE_MAX_WORK_GROUP_SIZE
 * @param deviceVersion    CL_DEVICE_VERSION, e.g. "OpenCL 3.0 CUDA"
 * @param openClCVersion   CL_DEVICE_OPENCL_C_VERSION, e.g. "OpenCL C 1.2"
 * @param driverVersion    CL_DRIVER_VERSION
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

    /**
     * The kind of device, from its CL_DEVICE_TYPE bits (GPU first when a device reports several).
     * "auto" selection prefers GPUs; {@link OpenClSettings.Fusion#AUTO} fuses layers on GPUs only,
     * and CPU devices get shorter chunks.
     */
    public enum Type {
        /** CL_DEVICE_TYPE_GPU. */
        GPU,
        /** CL_DEVICE_TYPE_CPU, e.g. PoCL: shorter chunks, so a layer's rows stay in cache. */
        CPU,
        /** CL_DEVICE_TYPE_ACCELERATOR. */
        ACCELERATOR,
        /** Any other type bits. */
        OTHER
    }

    /**
     * One line for device lists and error messages.
     *
     * @return "#index name [type, platform, CL_DEVICE_VERSION, N compute units, global memory in GiB]"
     */
    public String summary() {
        return String.format(Locale.ROOT, "#%d %s [%s, %s, %s, %d compute units, %.1f GiB]",
                index, name, type, platformName, deviceVersion, computeUnits,
                globalMemBytes / (double) (1L << 30));
    }
}
