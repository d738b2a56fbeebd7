package org.namcl.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.cpu.CpuEngine;
import org.namcl.render.EngineChoice;
import org.namcl.render.EngineSelector;
import org.namcl.render.ProgressReporter;
import org.namcl.render.TestAudio;
import org.namcl.render.TestModels;

/** eval's progress line, as render's: pairs, the share of the DI seconds done, the pair rendering now. */
class EvaluatorProgressTest {
    @TempDir
    Path dir;

    @Test
    void theLineNamesTheModelAndPairRenderingAndTheShareDone() throws IOException {
        Path model = TestModels.copy(TestModels.DEMONET, dir.resolve("models"));
        float[] x = TestAudio.signal(48_000, 1);
        Path di = TestAudio.write(dir.resolve("di.wav"), x);
        // the model's own output, recorded 50 ms longer than the DI
        float[] output = TestModels.stream(TestModels.net(model), x);
        Path target = TestAudio.write(dir.resolve("target.wav"), TestModels.padded(output, 2400));
        StringWriter err = new StringWriter();
        ProgressReporter progress = new ProgressReporter(new PrintWriter(err, true), false, true);
        EvalOptions options = new EvalOptions(EngineChoice.CPU, null, 1, null, Latency.AUTO, Segment.ALL, false,
                false);

        new Evaluator(options, progress, null, false, notice -> EngineSelector.of(new CpuEngine(1), null))
                .run(List.of(model), List.of(new EvalPair("a.wav", di, target, null),
                        new EvalPair("b.wav", di, target, null)));

        String drawn = err.toString();
        assertFalse(drawn.contains("error"), drawn);
        assertTrue(drawn.contains("py__demonet: a.wav"), drawn);
        assertTrue(drawn.contains("\r[2/2] 100% py__demonet: b.wav"), drawn);
    }
}
