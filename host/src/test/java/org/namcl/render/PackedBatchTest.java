package org.namcl.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.audio.SampleEncoding;
import org.namcl.cpu.CpuEngine;
import org.namcl.engine.Engine;
import org.namcl.engine.StreamRenderer;
import org.namcl.model.net.WaveNet;

/**
 * A packing engine gets a batch's short files in one renderAll call, and the files come out as
 * when each is streamed on its own: mono and stereo, another sample rate (--resample), --tail,
 * gains.
 */
class PackedBatchTest {
    @TempDir
    Path dir;

    @Test
    void shortFilesAreRenderedInOneLaunchAndComeOutAsWhenStreamedAlone() throws IOException {
        Path model = TestModels.copy(TestModels.DEMONET, dir);
        List<InputFile> inputs = new ArrayList<>();
        inputs.add(input(TestAudio.write(dir.resolve("in/mono.wav"), TestAudio.signal(3000, 1))));
        inputs.add(input(TestAudio.write(dir.resolve("in/stereo.wav"), TestAudio.signal(2500, 2),
                TestAudio.signal(2500, 3))));
        inputs.add(input(TestAudio.write(dir.resolve("in/cd.wav"), 44100, SampleEncoding.FLOAT32,
                TestAudio.signal(4410, 4))));
        RenderOptions o = new RenderOptions(EngineChoice.CPU, null, 1, null, OutputFormat.F32, false, -3, 2,
                false, true, false, true, 0);

        PackingStandIn packing = new PackingStandIn();
        render(o, model, inputs, "packed", packing);
        render(o, model, inputs, "streamed", new CpuEngine(1));

        assertEquals(1, packing.calls, "one launch for the whole batch");
        assertEquals(4, packing.signals, "one signal per channel");
        for (String f : List.of("mono.wav", "stereo.wav", "cd.wav")) {
            TestAudio.Wav packed = TestAudio.read(dir.resolve("packed/py__demonet/" + f));
            TestAudio.Wav streamed = TestAudio.read(dir.resolve("streamed/py__demonet/" + f));
            for (int c = 0; c < streamed.channels().length; c++) {
                assertArrayEquals(streamed.channel(c), packed.channel(c), f + " channel " + c);
            }
        }
    }

    private static InputFile input(Path p) {
        return InputFile.ok(p, p.getFileName());
    }

    private void render(RenderOptions o, Path model, List<InputFile> inputs, String out, Engine engine) {
        RunReport report = new RunReport("test", List.of(), o);
        new BatchRenderer(o, new ProgressReporter(new PrintWriter(new StringWriter()), false, false), report,
                notice -> new EngineSelector(engine, null))
                .run(List.of(model), inputs, dir.resolve(out));
        report.pairs().forEach(p -> assertEquals(RunReport.Status.RENDERED, p.status(), p::toString));
    }

    /** Packs like the OpenCL engine, renders on the CPU, counts the launches. */
    private static final class PackingStandIn implements Engine {
        private final CpuEngine cpu = new CpuEngine(1);
        int calls;
        int signals;

        @Override
        public String name() {
            return "packing";
        }

        @Override
        public String description() {
            return "packing stand-in";
        }

        @Override
        public StreamRenderer open(WaveNet model) {
            return cpu.open(model);
        }

        @Override
        public boolean packs() {
            return true;
        }

        @Override
        public float[][] renderAll(WaveNet model, List<float[]> in) {
            calls++;
            signals += in.size();
            return Engine.super.renderAll(model, in);
        }

        @Override
        public void close() {
        }
    }
}
