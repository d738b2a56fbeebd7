package org.namcl.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.cpu.CpuEngine;
import org.namcl.engine.Engine;
import org.namcl.engine.StreamRenderer;
import org.namcl.model.net.WaveNet;
import org.namcl.opencl.OpenClException;
import org.namcl.render.RunReport.Status;

/** The OpenCL fallback of {@code --engine auto}, with a stand-in for a failing OpenCL engine. */
class BatchRendererTest {
    @TempDir
    Path dir;

    @Test
    void aFileTheFirstEngineFailsOnIsRenderedAgainOnTheCpu() throws IOException {
        Path model = TestModels.copy(TestModels.DEMONET, dir);
        float[] x = TestAudio.signal(3000, 1);
        Path in = TestAudio.write(dir.resolve("in/x.wav"), x);
        RenderOptions o = PairRendererTest.options(1000, false, false);
        StringWriter err = new StringWriter();
        RunReport report = new RunReport("test", List.of(), o);

        new BatchRenderer(o, new ProgressReporter(new PrintWriter(err), false, false), report,
                notice -> new EngineSelector(failingOpenCl(), new CpuEngine(1)))
                .run(List.of(model), List.of(InputFile.ok(in, in.getFileName())), dir.resolve("out"));

        assertTrue(err.toString().contains("namcl: opencl failed on " + in + " (model py__demonet) "
                + "(CL_OUT_OF_RESOURCES); rendering it on the CPU"), err::toString);
        RunReport.Pair pair = report.pairs().get(0);
        assertEquals(Status.RENDERED, pair.status());
        assertEquals("cpu", pair.engine());
        assertArrayEquals(TestModels.stream(TestModels.net(model), x),
                TestAudio.read(dir.resolve("out/py__demonet/x.wav")).channel(0));
    }

    private static Engine failingOpenCl() {
        return new Engine() {
            @Override
            public String name() {
                return "opencl";
            }

            @Override
            public String description() {
                return "OpenCL stand-in";
            }

            @Override
            public StreamRenderer open(WaveNet model) {
                throw new OpenClException("CL_OUT_OF_RESOURCES");
            }

            @Override
            public void close() {
            }
        };
    }
}
