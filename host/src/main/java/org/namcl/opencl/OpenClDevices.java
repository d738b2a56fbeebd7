package org.namcl.opencl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jocl.CL;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * The OpenCL devices of this machine, enumerated once per run (on first use, which also loads
 * JOCL's native library). Never throws for a machine without OpenCL (no libOpenCL.so, no ICD, no
 * devices): {@link #list()} is then empty and {@link #unavailableReason()} says why, so a caller
 * can fall back to the CPU engine. Pick a device with {@link #choose(String)} and open it with
 * {@link OpenClEngine#OpenClEngine(DeviceInfo)}.
 */
public final class OpenClDevices {

    /**
     * How to get an OpenCL driver for testing: said where OpenCL was asked for (devices, --engine
     * opencl), not where namcl falls back to the CPU engine, which is faster than a CPU driver.
     */
    public static final String INSTALL_HINT =
            "run scripts/ensure-opencl.sh (Debian/Ubuntu: installs PoCL, a CPU OpenCL driver, and libOpenCL.so)";

    /** A listed device with the handles OpenCL calls need. */
    record Entry(DeviceInfo info, cl_platform_id platform, cl_device_id device) {
    }

    private record Scan(List<Entry> entries, Optional<String> unavailableReason) {
    }

    /** Lazy holder: the scan (and loading JOCL's native library) happens on first use only. */
    private static final class Holder {
        static final Scan SCAN = scan();
    }

    private OpenClDevices() {
    }

    /**
     * All devices of all platforms.
     *
     * @return the devices in platform then device order, {@link DeviceInfo#index()} their position;
     *         empty when OpenCL is unusable
     */
    public static List<DeviceInfo> list() {
        return Holder.SCAN.entries().stream().map(Entry::info).toList();
    }

    /**
     * Why {@link #list()} is empty.
     *
     * @return what was missing or failed (the library, the platforms, each platform's devices);
     *         empty when at least one device was found
     */
    public static Optional<String> unavailableReason() {
        return Holder.SCAN.unavailableReason();
    }

    /**
     * Picks a device. {@code null}, blank or "auto": the GPU with the most global memory, else the
     * first device; a number: that index in {@link #list()}; anything else: the device whose name
     * equals it or, failing that, the only one containing it (both case-insensitive).
     *
     * @param selector "auto", a device index or a device name (or part of one); null or blank means "auto"
     * @return the chosen device
     * @throws OpenClException when no device matches, the name is ambiguous or OpenCL is unusable;
     *                         the message lists the devices
     */
    public static DeviceInfo choose(String selector) {
        List<DeviceInfo> devices = list();
        if (devices.isEmpty()) {
            throw new OpenClException("No OpenCL device available: " + unavailableReason().orElse("unknown reason")
                    + "; " + INSTALL_HINT);
        }
        String wanted = selector == null ? "" : selector.trim();
        if (wanted.isEmpty() || wanted.equalsIgnoreCase("auto")) {
            return devices.stream()
                    .filter(d -> d.type() == DeviceInfo.Type.GPU)
                    .max(Comparator.comparingLong(DeviceInfo::globalMemBytes))
                    .orElse(devices.get(0));
        }
        if (wanted.chars().allMatch(Character::isDigit)) {
            int index = Integer.parseInt(wanted);
            if (index >= devices.size()) {
                throw noMatch("No OpenCL device with index " + index, devices);
            }
            return devices.get(index);
        }
        String needle = wanted.toLowerCase(Locale.ROOT);
        List<DeviceInfo> exact = devices.stream().filter(d -> d.name().equalsIgnoreCase(wanted)).toList();
        List<DeviceInfo> matches = exact.isEmpty()
                ? devices.stream().filter(d -> d.name().toLowerCase(Locale.ROOT).contains(needle)).toList()
                : exact;
        if (matches.size() == 1) {
            return matches.get(0);
        }
        throw noMatch(matches.isEmpty()
                ? "No OpenCL device name contains '" + wanted + "'"
                : "OpenCL device name '" + wanted + "' is ambiguous (matches " + matches.size() + "; select by index)",
                devices);
    }

    /** The handles behind a {@link DeviceInfo} returned by this class. */
    static Entry entry(DeviceInfo info) {
        List<Entry> entries = Holder.SCAN.entries();
        if (info.index() < 0 || info.index() >= entries.size() || !entries.get(info.index()).info().equals(info)) {
            throw new IllegalArgumentException("Not a device listed by OpenClDevices: " + info.summary());
        }
        return entries.get(info.index());
    }

    private static OpenClException noMatch(String problem, List<DeviceInfo> devices) {
        return new OpenClException(problem + ". Available devices (select with auto, an index or a name):\n  "
                + devices.stream().map(DeviceInfo::summary).collect(Collectors.joining("\n  ")));
    }

    private static Scan scan() {
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!OpenClLibrary.mayBeFound()) {
            return new Scan(List.of(), Optional.of(OpenClLibrary.NAME + " is not installed (the OpenCL ICD loader; "
                    + "Debian/Ubuntu: ocl-icd-opencl-dev)"));
        }
        try {
            cl_platform_id[] platforms = platforms(problems);
            for (int p = 0; p < platforms.length; p++) {
                scanPlatform(p, platforms[p], entries, problems);
            }
        } catch (LinkageError e) {
            // JOCL dlopens the unversioned libOpenCL.so when its CL class initialises.
            problems.add("JOCL could not load libOpenCL.so (" + e.getMessage() + ")");
        }
        if (!entries.isEmpty()) {
            return new Scan(List.copyOf(entries), Optional.empty());
        }
        if (problems.isEmpty()) {
            problems.add("the OpenCL platforms report no devices");
        }
        return new Scan(List.of(), Optional.of(String.join("; ", problems)));
    }

    private static cl_platform_id[] platforms(List<String> problems) {
        int[] count = new int[1];
        int status = ClCalls.status(() -> CL.clGetPlatformIDs(0, null, count));
        if (status == CL.CL_PLATFORM_NOT_FOUND_KHR || (status == CL.CL_SUCCESS && count[0] == 0)) {
            problems.add("no OpenCL platform found (no ICD registered in /etc/OpenCL/vendors?)");
            return new cl_platform_id[0];
        }
        if (status != CL.CL_SUCCESS) {
            problems.add("clGetPlatformIDs failed: " + OpenClException.errorName(status));
            return new cl_platform_id[0];
        }
        cl_platform_id[] platforms = new cl_platform_id[count[0]];
        ClCalls.check("clGetPlatformIDs", () -> CL.clGetPlatformIDs(platforms.length, platforms, null));
        return platforms;
    }

    private static void scanPlatform(int platformIndex, cl_platform_id platform, List<Entry> entries, List<String> problems) {
        String platformName = "platform " + platformIndex;
        try {
            platformName = ClInfo.platformString(platform, CL.CL_PLATFORM_NAME);
            int[] count = new int[1];
            int status = ClCalls.status(() -> CL.clGetDeviceIDs(platform, CL.CL_DEVICE_TYPE_ALL, 0, null, count));
            if (status == CL.CL_DEVICE_NOT_FOUND || (status == CL.CL_SUCCESS && count[0] == 0)) {
                // PoCL reports this when it cannot create its kernel cache directory.
                problems.add("platform '" + platformName + "' has no devices"
                        + " (PoCL needs a writable ~/.cache or POCL_CACHE_DIR)");
                return;
            }
            if (status != CL.CL_SUCCESS) {
                throw new OpenClException("clGetDeviceIDs", status);
            }
            cl_device_id[] devices = new cl_device_id[count[0]];
            ClCalls.check("clGetDeviceIDs",
                    () -> CL.clGetDeviceIDs(platform, CL.CL_DEVICE_TYPE_ALL, devices.length, devices, null));
            for (int d = 0; d < devices.length; d++) {
                DeviceInfo info = describe(entries.size(), platformIndex, platformName, d, devices[d]);
                entries.add(new Entry(info, platform, devices[d]));
            }
        } catch (OpenClException e) {
            problems.add("platform '" + platformName + "': " + e.getMessage());
        }
    }

    private static DeviceInfo describe(int index, int platformIndex, String platformName, int deviceIndex, cl_device_id device) {
        return new DeviceInfo(
                index,
                platformIndex,
                platformName,
                deviceIndex,
                ClInfo.deviceString(device, CL.CL_DEVICE_NAME),
                type(ClInfo.deviceLong(device, CL.CL_DEVICE_TYPE)),
                ClInfo.deviceString(device, CL.CL_DEVICE_VENDOR),
                ClInfo.deviceLong(device, CL.CL_DEVICE_GLOBAL_MEM_SIZE),
                ClInfo.deviceLong(device, CL.CL_DEVICE_MAX_MEM_ALLOC_SIZE),
                ClInfo.deviceLong(device, CL.CL_DEVICE_LOCAL_MEM_SIZE),
                ClInfo.deviceInt(device, CL.CL_DEVICE_MAX_COMPUTE_UNITS),
                ClInfo.deviceSize(device, CL.CL_DEVICE_MAX_WORK_GROUP_SIZE),
                ClInfo.deviceString(device, CL.CL_DEVICE_VERSION),
                ClInfo.deviceString(device, CL.CL_DEVICE_OPENCL_C_VERSION),
                ClInfo.deviceString(device, CL.CL_DRIVER_VERSION));
    }

    private static DeviceInfo.Type type(long bits) {
        if ((bits & CL.CL_DEVICE_TYPE_GPU) != 0) {
            return DeviceInfo.Type.GPU;
        }
        if ((bits & CL.CL_DEVICE_TYPE_CPU) != 0) {
            return DeviceInfo.Type.CPU;
        }
        if ((bits & CL.CL_DEVICE_TYPE_ACCELERATOR) != 0) {
            return DeviceInfo.Type.ACCELERATOR;
        }
        return DeviceInfo.Type.OTHER;
    }
}
