package org.namcl.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.audio.SampleEncoding;
import org.namcl.cpu.CpuEngine;
import org.namcl.engine.Engine;
import org.namcl.engine.StreamRenderer;
import org.namcl.model.net.WaveNet;

class PairRendererTest {
    @TempDir
    Path dir;

    static RenderOptions options(int blockFrames, boolean tail, boolean resample) {
        return new RenderOptions(EngineChoice.CPU, null, 1, null, OutputFormat.F32, false, 0, 0, false, tail,
                false, resample, blockFrames);
    }

    private float[] render(RenderOptions o, Path model, Path in, String name) throws IOException {
        LoadedModel m = LoadedModel.load(model, o, w -> { });
        Path out = dir.resolve(name + ".wav");
        double[] seconds = {0};
        PairResult r = new PairRenderer(o).render(InputFile.ok(in, in.getFileName()), m, new CpuEngine(1), out,
                s -> seconds[0] += s);
        assertEquals(r.seconds(), seconds[0], 1e-9, "progress adds up to the file's length");
        return TestAudio.read(out).channel(0);
    }

    @Test
    void theBlockSizeChangesNothingWithResamplingAndTail() throws IOException {
        Path model = TestModels.copy(TestModels.NANO, dir);
        float[] x = TestAudio.signal(30011, 1);
        Path in = TestAudio.write(dir.resolve("x.wav"), 44100, SampleEncoding.FLOAT32, x);

        float[] whole = render(options(0, true, true), model, in, "whole");
        float[] small = render(options(997, true, true), model, in, "small");
        float[] tiny = render(options(64, true, true), model, in, "tiny");

        int rf = TestModels.net(model).receptiveField();
        assertEquals(x.length + (int) Math.ceil(rf * 44100.0 / 48000), whole.length);
        assertArrayEquals(whole, small);
        assertArrayEquals(whole, tiny);
    }

    @Test
    void theBlockSizeChangesNothingAtTheModelsRate() throws IOException {
        Path model = TestModels.copy(TestModels.NANO, dir);
        float[] x = TestAudio.signal(9000, 2);
        Path in = TestAudio.write(dir.resolve("x.wav"), x);
        WaveNet net = TestModels.net(model);

        float[] small = render(options(333, true, false), model, in, "small");

        assertArrayEquals(TestModels.stream(net, TestModels.padded(x, net.receptiveField())), small);
    }

    @Test
    void anEngineFailureLeavesNoFileBehind() throws IOException {
        Path model = TestModels.copy(TestModels.DEMONET, dir);
        Path in = TestAudio.write(dir.resolve("in/x.wav"), TestAudio.signal(5000, 3));
        RenderOptions o = options(1000, false, false);
        Engine failing = engine(3, () -> {
            throw new IllegalStateException("device lost");
        });

        RuntimeException e = assertThrows(RuntimeException.class, () -> new PairRenderer(o).render(
                InputFile.ok(in, in.getFileName()), LoadedModel.load(model, o, w -> { }), failing,
                dir.resolve("out/x.wav"), s -> { }));

        assertEquals("device lost", e.getMessage());
        assertEquals(List.of(), files(dir.resolve("out")));
    }

    @Test
    void abandoningRemovesTheFileBeingWritten() throws IOException {
        Path model = TestModels.copy(TestModels.DEMONET, dir);
        Path in = TestAudio.write(dir.resolve("in/x.wav"), TestAudio.signal(5000, 3));
        RenderOptions o = options(1000, false, false);
        PairRenderer renderer = new PairRenderer(o);
        // as a shutdown hook would, while the third block renders
        Engine interrupted = engine(3, renderer::abandon);

        assertThrows(Exception.class, () -> renderer.render(InputFile.ok(in, in.getFileName()),
                LoadedModel.load(model, o, w -> { }), interrupted, dir.resolve("out/x.wav"), s -> { }));

        assertEquals(List.of(), files(dir.resolve("out")));
    }

    /** A pass-through engine that runs {@code event} when block {@code at} (from 1) is processed. */
    private static Engine engine(int at, Runnable event) {
        return new Engine() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public String description() {
                return "test engine";
            }

            @Override
            public StreamRenderer open(WaveNet model) {
                return new StreamRenderer() {
                    private int blocks;

                    @Override
                    public int receptiveField() {
                        return 1;
                    }

                    @Override
                    public void process(float[] in, int inOff, float[] out, int outOff, int n) {
                        if (++blocks == at) {
                            event.run();
                        }
                        System.arraycopy(in, inOff, out, outOff, n);
                    }

                    @Override
                    public void reset() {
                        blocks = 0;
                    }
                };
            }

            @Override
            public void close() {
            }
        };
    }

    static List<Path> files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void theModelRateMustBeReachable() throws IOException {
        Path model = TestModels.copy(TestModels.DEMONET, dir);
        Path in = TestAudio.write(dir.resolve("x.wav"), 44100, SampleEncoding.PCM16, TestAudio.signal(100, 1));
        RenderOptions o = options(0, false, false);

        RenderException e = assertThrows(RenderException.class, () -> new PairRenderer(o).render(
                InputFile.ok(in, in.getFileName()), LoadedModel.load(model, o, w -> { }), new CpuEngine(1),
                dir.resolve("out/x.wav"), s -> { }));

        assertTrue(e.getMessage().contains("(44100 Hz) differs from the model's (48000 Hz)"), e::getMessage);
        assertEquals(List.of(), files(dir.resolve("out")));
    }
}
