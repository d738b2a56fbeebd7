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
        try (PassThroughEngine e = new PassThroughEngine(2)) {
            assertArrayEquals(in, e.render(ModelShape.NANO.build(1).resolve(), in));
        }
    }

    @Test
    void measuresTheHostSideAndEachShapeEndToEnd() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        HostPipelineBench.Result r = HostPipelineBench.run(0.4, List.of(ModelShape.NANO, ModelShape.FEATHER),
                EngineChoice.CPU, null, 2, new PrintStream(text, true, StandardCharsets.UTF_8));
        assertEquals(HostPipelineBench.FILES * (long) (0.4 * Benchmark.RATE / HostPipelineBench.FILES), r.samples());
        assertEquals(List.of(1, 2), r.host().stream().map(HostPipelineBench.HostRate::readers).toList());
        assertTrue(r.host().stream().allMatch(h -> h.wallRate() > 0 && h.coreRate() > 0), r.toString());
        assertEquals(List.of(ModelShape.NANO, ModelShape.FEATHER), List.copyOf(r.endToEndRates().keySet()));
        assertTrue(r.endToEndRates().values().stream().allMatch(v -> v > 0), r.toString());
        String out = text.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("| reader threads | samples/s |") && out.contains("\n| 2 | ") && out.contains("end to end (render) on cpu, feather:"), out);
    }
}
