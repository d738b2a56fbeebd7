package org.namcl.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.audio.SampleEncoding;
import org.namcl.cpu.CpuEngine;
import org.namcl.cpu.CpuPolicy;
import org.namcl.engine.Engine;
import org.namcl.engine.JobFailure;
import org.namcl.engine.JobOutcome;
import org.namcl.engine.RenderJob;
import org.namcl.engine.StreamRenderer;
import org.namcl.engine.Support;
import org.namcl.model.NamLoader;
import org.namcl.model.net.Network;
import org.namcl.model.net.WaveNet;
import org.namcl.opencl.OpenClException;
import org.namcl.render.RunReport.Status;
import org.namcl.testing.WaveNetsOnlyEngine;

/** Batches as jobs: engine policy changes nothing, failures fail alone and leave nothing behind, fallback. */
class BatchRendererTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    static RenderOptions options(boolean tail, boolean resample) {
        return RenderOptions.builder().engine(EngineChoice.CPU).threads(1).tail(tail).resample(resample).build();
    }

    private RunReport render(RenderOptions o, List<Path> models, List<Path> inputs, Path out, Engine primary,
                             Engine fallback) {
        RunReport report = new RunReport("test", List.of(), o);
        new BatchRenderer(o, new ProgressReporter(new PrintWriter(err), false, false), report,
                notice -> new EngineSelector(primary, fallback))
                .run(models, inputs.stream().map(p -> InputFile.ok(p, p.getFileName())).toList(), out);
        return report;
    }

    @Test
    void theEngineChoiceIsSaidOnceWhenSomethingRendersAndNotWhenEveryPairIsSkipped() throws IOException {
        Path model = TestModels.copy(TestModels.NANO, dir);
        Path in = TestAudio.write(dir.resolve("x.wav"), TestAudio.signal(2000, 3));
        RenderOptions o = options(false, false);
        Function<Consumer<String>, EngineSelector> saying = notice -> {
            notice.accept("rendering on the stand-in engine");
            return EngineSelector.of(new CpuEngine(1), null);
        };
        for (int run = 0; run < 2; run++) {
            new BatchRenderer(o, new ProgressReporter(new PrintWriter(err), false, false),
                    new RunReport("test", List.of(), o), saying)
                    .run(List.of(model), List.of(InputFile.ok(in, in.getFileName())), dir.resolve("out"));
        }

        assertEquals(1, err.toString().lines().filter(l -> l.contains("rendering on the stand-in engine")).count(),
                err::toString);
    }

    @Test
    void blockAndPieceLengthsChangeNothingWithResamplingAndTail() throws IOException {
        Path model = TestModels.copy(TestModels.NANO, dir);
        float[] x = TestAudio.signal(30011, 1);
        Path in = TestAudio.write(dir.resolve("x.wav"), 44100, SampleEncoding.FLOAT32, x);
        RenderOptions o = options(true, true);

        render(o, List.of(model), List.of(in), dir.resolve("whole"), new CpuEngine(1), null);
        render(o, List.of(model), List.of(in), dir.resolve("small"), new CpuEngine(new CpuPolicy(1, 997, 0)), null);
        render(o, List.of(model), List.of(in), dir.resolve("split"), new CpuEngine(new CpuPolicy(2, 9000, 3000)), null);

        float[] whole = TestAudio.read(dir.resolve("whole/py__nano/x.wav")).channel(0);
        int rf = TestModels.net(model).receptiveField();
        assertEquals(x.length + (int) Math.ceil(rf * 44100.0 / 48000), whole.length);
        assertArrayEquals(whole, TestAudio.read(dir.resolve("small/py__nano/x.wav")).channel(0));
        assertArrayEquals(whole, TestAudio.read(dir.resolve("split/py__nano/x.wav")).channel(0));
    }

    @Test
    void atTheModelsRateTheOutputIsTheStreamingEnginesWithItsTail() throws IOException {
        Path model = TestModels.copy(TestModels.NANO, dir);
        float[] x = TestAudio.signal(9000, 2);
        Path in = TestAudio.write(dir.resolve("x.wav"), x);
        WaveNet net = TestModels.net(model);

        render(options(true, false), List.of(model), List.of(in), dir.resolve("out"),
                new CpuEngine(new CpuPolicy(2, 333, 100)), null);

        assertArrayEquals(TestModels.stream(net, TestModels.padded(x, net.receptiveField())),
                TestAudio.read(dir.resolve("out/py__nano/x.wav")).channel(0));
    }

    @Test
    void aFileTheFirstEngineFailsOnIsRenderedAgainOnTheCpu() throws IOException {
        Path model = TestModels.copy(TestModels.DEMONET, dir);
        float[] x = TestAudio.signal(3000, 1);
        Path in = TestAudio.write(dir.resolve("in/x.wav"), x);

        RunReport report = render(options(false, false), List.of(model), List.of(in), dir.resolve("out"),
                failing("opencl", 0, new OpenClException("CL_OUT_OF_RESOURCES")), new CpuEngine(1));

        assertTrue(err.toString().contains("namcl: opencl failed on " + in + " (model py__demonet) "
                + "(CL_OUT_OF_RESOURCES); rendering it on the CPU"), err::toString);
        RunReport.Pair pair = report.pairs().get(0);
        assertEquals(Status.RENDERED, pair.status(), err::toString);
        assertEquals("cpu", pair.engine());
        assertArrayEquals(TestModels.stream(TestModels.net(model), x),
                TestAudio.read(dir.resolve("out/py__demonet/x.wav")).channel(0));
    }

    @Test
    void aRetryWhoseInputVanishedFailsWithOneLine() throws IOException {
        Path model = TestModels.copy(TestModels.DEMONET, dir);
        Path in = TestAudio.write(dir.resolve("in/x.wav"), TestAudio.signal(3000, 1));
        Engine deleting = new Refusing() {
            @Override
            public Support supports(Network model) {
                return Support.yes();
            }

            @Override
            public void run(Iterator<RenderJob> jobs, Consumer<JobOutcome> outcomes) {
                RenderJob j = jobs.next(); // its input is open now; the retry opens it again
                try {
                    Files.delete(in);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                outcomes.accept(JobFailure.failed(j, new OpenClException("CL_OUT_OF_RESOURCES")));
            }
        };

        RunReport report = render(options(false, false), List.of(model), List.of(in), dir.resolve("out"),
                deleting, new CpuEngine(1));

        RunReport.Pair pair = report.pairs().get(0);
        assertEquals(Status.FAILED, pair.status(), err::toString);
        assertTrue(pair.error().contains("no such file"), pair::error);
        assertEquals(List.of(), files(dir.resolve("out")));
    }

    @Test
    void anEngineFailureMidwayLeavesNoFileBehindAndTheBatchGoesOn() throws IOException {
        Path model = TestModels.copy(TestModels.DEMONET, dir);
        Path a = TestAudio.write(dir.resolve("in/a.wav"), TestAudio.signal(5000, 3));
        Path b = TestAudio.write(dir.resolve("in/b.wav"), TestAudio.signal(5000, 4));

        RunReport report = render(options(false, false), List.of(model), List.of(a, b), dir.resolve("out"),
                failing("test", 1000, new IllegalStateException("device lost")), null);

        assertEquals(2, report.count(Status.FAILED));
        assertTrue(err.toString().contains(a + " (model py__demonet): device lost"), err::toString);
        assertEquals(List.of(), files(dir.resolve("out")));
    }

    @Test
    void theModelRateMustBeReachable() throws IOException {
        Path model = TestModels.copy(TestModels.DEMONET, dir);
        Path in = TestAudio.write(dir.resolve("x.wav"), 44100, SampleEncoding.PCM16, TestAudio.signal(100, 1));

        RunReport report = render(options(false, false), List.of(model), List.of(in), dir.resolve("out"),
                new CpuEngine(1), null);

        assertEquals(Status.FAILED, report.pairs().get(0).status());
        assertTrue(report.pairs().get(0).error().contains("(44100 Hz) differs from the model's (48000 Hz)"),
                report.pairs().get(0)::error);
        assertEquals(List.of(), files(dir.resolve("out")));
    }

    @Test
    void aModelTheEngineDoesNotRunIsReportedOnceAndFailsItsPairs() throws IOException {
        Path model = TestModels.copy(TestModels.DEMONET, dir);
        Path a = TestAudio.write(dir.resolve("in/a.wav"), TestAudio.signal(100, 1));
        Path b = TestAudio.write(dir.resolve("in/b.wav"), TestAudio.signal(100, 2));
        Engine refusing = new Refusing();

        RunReport report = render(options(false, false), List.of(model), List.of(a, b), dir.resolve("out"),
                refusing, null);

        assertEquals(2, report.count(Status.FAILED));
        assertEquals(1, err.toString().split("not for this engine", -1).length - 1, err::toString);
        assertTrue(err.toString().contains("(skipping its 2 files)"), err::toString);
    }

    @Test
    void autoSendsAModelThePrimaryDoesNotRunToTheCpuWithOneNotice() throws IOException {
        Path waveNet = TestModels.copy(TestModels.DEMONET, dir);
        Path lstm = Files.writeString(dir.resolve("lstm.nam"), TestModels.LSTM.replace("44100", "48000"));
        float[] x = TestAudio.signal(3000, 1);
        Path a = TestAudio.write(dir.resolve("in/a.wav"), x);
        Path b = TestAudio.write(dir.resolve("in/b.wav"), TestAudio.signal(2000, 2));

        RunReport report = render(options(false, false), List.of(lstm, waveNet), List.of(a, b), dir.resolve("out"),
                new WaveNetsOnlyEngine(), new CpuEngine(1));

        assertEquals(4, report.count(Status.RENDERED), err::toString);
        String notice = lstm + ": the device engine does not run LSTM models; rendering it on the cpu engine";
        assertEquals(1, err.toString().split(java.util.regex.Pattern.quote(notice), -1).length - 1, err::toString);
        for (RunReport.Pair p : report.pairs()) {
            assertEquals(p.model().equals(lstm.toString()) ? "cpu" : "device", p.engine(), p::toString);
        }
        assertArrayEquals(TestModels.stream(NamLoader.load(lstm).resolve(), x),
                TestAudio.read(dir.resolve("out/lstm/a.wav")).channel(0));
    }

    @Test
    void withoutAFallbackAModelThePrimaryDoesNotRunFailsItsPairs() throws IOException {
        Path lstm = Files.writeString(dir.resolve("lstm.nam"), TestModels.LSTM);
        Path a = TestAudio.write(dir.resolve("in/a.wav"), TestAudio.signal(100, 1));

        RunReport report = render(options(false, false), List.of(lstm), List.of(a), dir.resolve("out"),
                new WaveNetsOnlyEngine(), null);

        assertEquals(1, report.count(Status.FAILED));
        assertTrue(err.toString().contains("namcl: error: " + lstm
                + ": the device engine does not run LSTM models (skipping its 1 file)"), err::toString);
    }

    @Test
    void theTailOfAModelWithoutAReceptiveFieldIsTheDefaultOrTheGivenLength() throws IOException {
        Path lstm = Files.writeString(dir.resolve("lstm.nam"), TestModels.LSTM);
        float[] x = TestAudio.signal(1000, 1);
        Path in = TestAudio.write(dir.resolve("x.wav"), 44100, SampleEncoding.FLOAT32, x);
        RenderOptions given = RenderOptions.builder().engine(EngineChoice.CPU).threads(1).tailSeconds(0.25)
                .resample(true).build();

        render(options(true, true), List.of(lstm), List.of(in), dir.resolve("default"), new CpuEngine(1), null);
        render(given, List.of(lstm), List.of(in), dir.resolve("given"), new CpuEngine(1), null);

        assertEquals(1000 + 22050, TestAudio.read(dir.resolve("default/lstm/x.wav")).channel(0).length);
        assertEquals(1000 + 11025, TestAudio.read(dir.resolve("given/lstm/x.wav")).channel(0).length);
    }

    /** Writes {@code after} frames of each job (a copy of its input), then fails it with {@code e} as the engine's fault. */
    private static Engine failing(String name, int after, RuntimeException e) {
        return new Refusing() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Support supports(Network model) {
                return Support.yes();
            }

            @Override
            public void run(Iterator<RenderJob> jobs, Consumer<JobOutcome> outcomes) {
                while (jobs.hasNext()) {
                    RenderJob j = jobs.next();
                    float[][] buf = new float[j.source().channels()][Math.max(1, after)];
                    try {
                        int n = JobFailure.read(j.source(), buf, 0, after);
                        JobFailure.write(j.sink(), buf, 0, n);
                        throw e;
                    } catch (RuntimeException x) {
                        outcomes.accept(JobFailure.failed(j, x));
                    }
                }
            }
        };
    }

    /** An engine that runs nothing. */
    private static class Refusing implements Engine {
        @Override
        public String name() {
            return "refusing";
        }

        @Override
        public String description() {
            return "test engine";
        }

        @Override
        public Support supports(Network model) {
            return Support.no("not for this engine");
        }

        @Override
        public StreamRenderer open(Network model) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void run(Iterator<RenderJob> jobs, Consumer<JobOutcome> outcomes) {
            if (jobs.hasNext()) {
                throw new UnsupportedOperationException("no job should reach it");
            }
        }

        @Override
        public void close() {
        }
    }

    static List<Path> files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
