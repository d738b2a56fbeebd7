package org.namcl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.bench.ModelShape;
import org.namcl.cpu.CpuEngine;
import org.namcl.render.EngineChoice;
import org.namcl.render.EngineSelector;
import org.namcl.render.ProgressReporter;
import org.namcl.render.TestAudio;
import org.namcl.render.TestModels;
import org.namcl.testing.WaveNetsOnlyEngine;

/** A model the primary engine does not run is scored on the fallback engine, with one notice. */
class EvaluatorRoutingTest {
    @TempDir
    Path dir;

    @Test
    void anLstmIsScoredOnTheCpuWhenTheDeviceRunsOnlyWaveNets() throws IOException {
        Path models = dir.resolve("models");
        TestModels.copy(TestModels.NANO, models);
        Path lstm = Files.writeString(models.resolve("lstm.nam"), ModelShape.LSTM_1X8.json(1));
        float[] x = TestAudio.signal(24_000, 5);
        Path di = TestAudio.write(dir.resolve("di.wav"), x);
        float[] lstmOutput;
        try (CpuEngine cpu = new CpuEngine(1)) {
            lstmOutput = cpu.render(ModelShape.LSTM_1X8.build(1).resolve(), x);
        }
        // recorded 50 ms longer than the DI, as the README advises, so any latency auto finds fits
        Path target = TestAudio.write(dir.resolve("target.wav"), java.util.Arrays.copyOf(lstmOutput, x.length + 2400));
        StringWriter err = new StringWriter();
        ProgressReporter progress = new ProgressReporter(new PrintWriter(err, true), false, false);
        EvalOptions options = new EvalOptions(EngineChoice.AUTO, null, 1, null, Latency.AUTO, Segment.ALL, false,
                false);

        List<EvalResult> results = new Evaluator(options, progress, null, false,
                notice -> EngineSelector.of(new WaveNetsOnlyEngine(), new CpuEngine(1)))
                .run(List.of(models.resolve(TestModels.NANO), lstm),
                        List.of(new EvalPair("di.wav", di, target, null)));

        assertEquals(2, results.size());
        results.forEach(r -> assertFalse(r.failed(), r::toString));
        EvalResult scored = results.stream().filter(r -> r.model().endsWith("lstm.nam")).findFirst().orElseThrow();
        assertTrue(scored.esr() < 1e-12, "the target is its output: ESR " + scored.esr());
        assertEquals(1, err.toString().lines().filter(l -> l.contains("scoring it on the cpu engine")).count(),
                err::toString);
    }
}
