package org.namcl.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.namcl.model.net.WaveNet;
import org.namcl.opencl.DeviceInfo;
import org.namcl.opencl.OpenClDevices;
import org.namcl.opencl.OpenClEngine;
import org.namcl.opencl.OpenClSettings;
import org.namcl.opencl.OpenClSettings.Fusion;
import org.namcl.opencl.PlanSummary;

/**
 * The OpenCL engine's two plans side by side per WaveNet shape: one launch per layer, and layers
 * fused through local memory as the planner fuses them where fusion pays (with the tile and
 * layer caps given), so a device where the engine would not fuse still shows what fusion does
 * there. Each with the bytes a sample moves
 * on that plan and the GB/s that makes, and the plan the engine picks by itself on this device.
 */
public final class OpenClPlanBench {

    /** One shape's figures; rates in samples/s. */
    public record Row(ModelShape shape, PlanSummary chosen, double perLayerRate, PlanSummary perLayer,
                      double fusedRate, PlanSummary fused) {
    }

    private OpenClPlanBench() {
    }

    /**
     * @param fused the fused engine's settings (fusion is set to FUSED on them): its tile and layer caps
     */
    public static List<Row> run(float[] input, List<ModelShape> shapes, DeviceInfo device, OpenClSettings fused,
                                PrintStream out) {
        List<Row> rows = new ArrayList<>();
        try (OpenClEngine chooser = new OpenClEngine(device);
             OpenClEngine perLayer = new OpenClEngine(device, OpenClSettings.defaults().withFusion(Fusion.PER_LAYER));
             OpenClEngine fusedEngine = new OpenClEngine(device, fused.withFusion(Fusion.FUSED))) {
            out.printf(Locale.ROOT, "OpenCL plans on %s (fused: tile cap %s, layer cap %s). B/sample: bytes a sample "
                    + "moves through device memory on that plan (rows each launch reads and writes, a fused launch's "
                    + "halo included)%n", device.name(), cap(fused.maxTile()), cap(fused.maxLayers()));
            out.printf("%-11s | %11s %7s %8s %6s | %11s %7s %8s %6s %7s | %s / %s%n", "model", "layer/s", "xRT",
                    "B/sample", "GB/s", "fused/s", "xRT", "B/sample", "GB/s", "f/layer", "fused plan", "chosen");
            for (ModelShape shape : shapes) {
                if (!(shape.build(42).resolve() instanceof WaveNet net)) {
                    continue;
                }
                double layerRate = Benchmark.openClRate(perLayer, net, input);
                double fusedRate = Benchmark.openClRate(fusedEngine, net, input);
                Row r = new Row(shape, chooser.plan(net), layerRate, perLayer.plan(net), fusedRate,
                        fusedEngine.plan(net));
                rows.add(r);
                out.printf(Locale.ROOT, "%-11s | %11.0f %7.1f %8.0f %6.1f | %11.0f %7.1f %8.0f %6.1f %7.2f | %s / %s%n",
                        shape.displayName(), layerRate, layerRate / Benchmark.RATE, r.perLayer().bytesPerSample(),
                        layerRate * r.perLayer().bytesPerSample() * 1e-9, fusedRate, fusedRate / Benchmark.RATE,
                        r.fused().bytesPerSample(), fusedRate * r.fused().bytesPerSample() * 1e-9,
                        fusedRate / layerRate, r.fused().describe(), r.chosen().describe());
            }
        }
        return rows;
    }

    /** Runs on the device {@code selector} names (see OpenClDevices.choose): nothing for "none" or without a device. */
    public static List<Row> runOn(String selector, double seconds, List<ModelShape> shapes, OpenClSettings fused,
                                  PrintStream out) {
        if ("none".equalsIgnoreCase(selector) || OpenClDevices.list().isEmpty()) {
            return List.of();
        }
        return run(Benchmark.signal((int) (seconds * Benchmark.RATE), 1), shapes, OpenClDevices.choose(selector), fused,
                out);
    }

    private static String cap(int value) {
        return value == 0 ? "auto" : String.valueOf(value);
    }
}
