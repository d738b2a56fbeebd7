package org.namcl.compare;

import java.util.Locale;
import org.namcl.cpu.CpuEngine;
import org.namcl.engine.Engine;
import org.namcl.opencl.OpenClDevices;
import org.namcl.opencl.OpenClEngine;
import org.namcl.render.EngineChoice;

/**
 * One side of a comparison: the CPU engine, or the OpenCL engine on a device.
 *
 * @param device the OpenCL device's index or name (null: the default device); unused for cpu
 */
public record Side(EngineChoice engine, String device) {
    public Side {
        if (engine == EngineChoice.AUTO) {
            throw new IllegalArgumentException("a side is cpu or opencl[:DEVICE], not auto");
        }
    }

    public static Side cpu() {
        return new Side(EngineChoice.CPU, null);
    }

    public static Side openCl(String device) {
        return new Side(EngineChoice.OPENCL, device);
    }

    /** {@code cpu}, {@code opencl} or {@code opencl:DEVICE} (an index or a name, as {@code namcl devices} lists). */
    public static Side parse(String text) {
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("cpu")) {
            return cpu();
        }
        if (lower.equals("opencl")) {
            return openCl(null);
        }
        if (lower.startsWith("opencl:") && t.length() > "opencl:".length()) {
            return openCl(t.substring("opencl:".length()));
        }
        throw new IllegalArgumentException("'" + t + "' is not a side: cpu, opencl or opencl:DEVICE");
    }

    /** Starts this side's engine. */
    public Engine start(int threads) {
        return start(threads, 0);
    }

    /** Starts this side's engine; on OpenCL with chunks of {@code chunk} new samples (0: from device memory). */
    public Engine start(int threads, int chunk) {
        return engine == EngineChoice.CPU ? new CpuEngine(threads)
                : new OpenClEngine(OpenClDevices.choose(device), chunk);
    }

    @Override
    public String toString() {
        return engine == EngineChoice.CPU ? "cpu" : device == null ? "opencl" : "opencl:" + device;
    }
}
