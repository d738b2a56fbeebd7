package org.namcl.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.namcl.gen.TestSignals;
import org.namcl.render.EngineChoice;

/** Needs no device: the end-to-end half runs on the CPU engine. */
class HostPipelineBenchTest {

    @Test
    void passThroughCopiesItsInput() {
        float[] in = TestSignals.mixed(200_000, 3);
        try (PassThroughEngine e = new PassThroughEngine()) {
            assertArrayEquals(in, e.render(ModelShape.NANO.build(1).resolve(), in));
        }
    }

    @Test
    void measuresTheHostSideAndEachShapeEndToEnd() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        HostPipelineBench.Result r = HostPipelineBench.run(0.4, List.of(ModelShape.NANO, ModelShape.FEATHER),
                EngineChoice.CPU, null, 1, new PrintStream(text, true, StandardCharsets.UTF_8));
        assertEquals(HostPipelineBench.FILES * (long) (0.4 * Benchmark.RATE / HostPipelineBench.FILES), r.samples());
        assertTrue(r.hostWallRate() > 0 && r.hostCoreRate() > 0, r.toString());
        assertEquals(List.of(ModelShape.NANO, ModelShape.FEATHER), List.copyOf(r.endToEndRates().keySet()));
        assertTrue(r.endToEndRates().values().stream().allMatch(v -> v > 0), r.toString());
        String out = text.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("samples/s per core") && out.contains("end to end (render) on cpu, feather:"), out);
    }
}
