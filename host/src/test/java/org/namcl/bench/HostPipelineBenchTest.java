package org.namcl.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.namcl.engine.ArraySignal;
import org.namcl.engine.JobOutcome;
import org.namcl.engine.RenderJob;
import org.namcl.engine.SignalSource;
import org.namcl.gen.TestSignals;
import org.namcl.model.net.Network;
import org.namcl.testing.WatchedSource;
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

    /** Long enough to be copied in segments after its first unit. */
    @Test
    void passThroughFailsAJobWhoseSourceOrSinkFailsAloneAndCopiesTheOthers() {
        int length = 2 * PassThroughEngine.UNIT_FRAMES + 1000;
        float[] in = TestSignals.mixed(length, 4);
        SignalSource truncated = WatchedSource.failingAt(PassThroughEngine.UNIT_FRAMES + 1, "truncated", in);
        float[] out = new float[length];
        List<JobOutcome> outcomes = new ArrayList<>();
        Network net = ModelShape.NANO.build(1).resolve();
        try (PassThroughEngine e = new PassThroughEngine(2)) {
            e.run(List.of(new RenderJob(net, truncated, (src, off, n) -> { }, "input"),
                    new RenderJob(net, ArraySignal.source(in), (src, off, n) -> {
                        throw new IOException("disk full");
                    }, "output"),
                    new RenderJob(net, ArraySignal.source(in), ArraySignal.sink(out), "good")).iterator(),
                    outcomes::add);
        }
        assertEquals(List.of("input", "output", "good"), outcomes.stream().map(o -> o.job().tag()).toList());
        assertEquals(JobOutcome.Fault.INPUT, ((JobOutcome.Failed) outcomes.get(0)).fault());
        assertEquals(JobOutcome.Fault.OUTPUT, ((JobOutcome.Failed) outcomes.get(1)).fault());
        assertEquals(length, ((JobOutcome.Done) outcomes.get(2)).frames());
        assertArrayEquals(in, out);
    }

    @Test
    void measuresTheHostSideAndEachShapeEndToEnd() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        HostPipelineBench.Result r = HostPipelineBench.run(0.4, List.of(ModelShape.NANO, ModelShape.FEATHER),
                EngineChoice.CPU, null, 5, new PrintStream(text, true, StandardCharsets.UTF_8));
        assertEquals(HostPipelineBench.FILES * (long) (0.4 * Benchmark.RATE / HostPipelineBench.FILES), r.samples());
        assertEquals(List.of(1, 5), r.host().stream().map(HostPipelineBench.HostRate::hostThreads).toList());
        assertTrue(r.host().stream().allMatch(h -> h.wallRate() > 0 && h.coreRate() > 0), r.toString());
        assertEquals(List.of(ModelShape.NANO, ModelShape.FEATHER), List.copyOf(r.endToEndRates().keySet()));
        assertTrue(r.endToEndRates().values().stream().allMatch(v -> v > 0), r.toString());
        String out = text.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("| host threads | readers + writers | samples/s |") && out.contains("\n| 1 | 1 + 1 | ")
                && out.contains("\n| 5 | 2 + 2 | ") && out.contains("end to end (render) on cpu, feather:"), out);
    }
}
