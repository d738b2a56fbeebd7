package org.namcl.render;

import java.util.List;
import java.util.function.Consumer;
import org.namcl.cpu.CpuEngine;
import org.namcl.engine.Engine;
import org.namcl.opencl.DeviceInfo;
import org.namcl.opencl.OpenClDevices;
import org.namcl.opencl.OpenClEngine;
import org.namcl.opencl.OpenClSettings;

/**
 * Chooses the engine of a run: the CPU engine, or the OpenCL engine on a device. With
 * {@link EngineChoice#AUTO} OpenCL is used when it works, and the CPU engine stands by to
 * re-render any file OpenCL fails on; with {@link EngineChoice#OPENCL} there is no fallback.
 */
public final class EngineSelector implements AutoCloseable {
    private final Engine primary;
    private final Engine fallback;

    EngineSelector(Engine primary, Engine fallback) {
        this.primary = primary;
        this.fallback = fallback;
    }

    /**
     * Engines chosen by the caller.
     *
     * @param primary renders first
     * @param fallback re-renders what the primary fails on, or null
     * @return the selection, which closes both
     */
    public static EngineSelector of(Engine primary, Engine fallback) {
        return new EngineSelector(primary, fallback);
    }

    /**
     * Starts the engines {@code --engine} and {@code --device} ask for.
     *
     * @param choice auto, cpu or opencl
     * @param device an OpenCL device's index or name, or null
     * @param threads the CPU engine's threads; with OpenCL, the host side's (readers and writers)
     * @param notice told, in one line, when {@code auto} ends up on the CPU and why
     * @return the selection; close it when done
     * @throws org.namcl.opencl.OpenClException for {@code opencl} when no device fits or the engine cannot start
     */
    public static EngineSelector select(EngineChoice choice, String device, int threads, Consumer<String> notice) {
        return switch (choice) {
            case CPU -> new EngineSelector(new CpuEngine(threads), null);
            case OPENCL -> new EngineSelector(createOpenCl(OpenClDevices.choose(device), threads), null);
            case AUTO -> auto(device, threads, notice);
        };
    }

    private static EngineSelector auto(String device, int threads, Consumer<String> notice) {
        List<DeviceInfo> devices = OpenClDevices.list();
        if (devices.isEmpty()) {
            notice.accept("no OpenCL device (" + OpenClDevices.unavailableReason().orElse("none found")
                    + "); rendering on the CPU");
            return new EngineSelector(new CpuEngine(threads), null);
        }
        boolean deviceNamed = device != null && !device.isBlank() && !device.equalsIgnoreCase("auto");
        if (!deviceNamed && devices.stream().allMatch(d -> d.type() == DeviceInfo.Type.CPU)) {
            // an OpenCL driver for the CPU (such as PoCL) renders slower than the CPU engine
            notice.accept("only a CPU OpenCL device (" + devices.get(0).name() + "); rendering on the CPU engine, "
                    + "which is faster there (--engine opencl uses the device)");
            return new EngineSelector(new CpuEngine(threads), null);
        }
        try {
            return new EngineSelector(createOpenCl(OpenClDevices.choose(device), threads), new CpuEngine(threads));
        } catch (RuntimeException e) {
            notice.accept("OpenCL cannot be used (" + oneLine(Problems.describe(e)) + "); rendering on the CPU");
            return new EngineSelector(new CpuEngine(threads), null);
        }
    }

    /** The OpenCL engine on {@code device}, its host side on {@code threads} threads. */
    static Engine createOpenCl(DeviceInfo device, int threads) {
        return new OpenClEngine(device, OpenClSettings.defaults().withHostThreads(threads));
    }

    /**
     * The engine to render with first.
     *
     * @return the engine
     */
    public Engine primary() {
        return primary;
    }

    /**
     * The CPU engine to re-render a file on when the primary (OpenCL, chosen by auto) fails.
     *
     * @return the engine, or null
     */
    public Engine fallback() {
        return fallback;
    }

    /** Device lists in OpenCL messages span lines; a notice is one. */
    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\n\\s*", "; ");
    }

    @Override
    public void close() {
        primary.close();
        if (fallback != null) {
            fallback.close();
        }
    }
}
