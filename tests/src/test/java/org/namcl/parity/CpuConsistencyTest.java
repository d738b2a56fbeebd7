package org.namcl.parity;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.namcl.cpu.CpuEngine;
import org.namcl.cpu.OfflineRenderer;
import org.namcl.cpu.WaveNetStreamer;
import org.namcl.engine.StreamRenderer;
import org.namcl.model.NamLoader;
import org.namcl.model.net.WaveNet;

/**
 * Results must not depend on how a stream is cut: block sizes of the streaming engine, chunk
 * sizes and thread counts of the offline renderer, and the halo-keeping stream over it.
 */
class CpuConsistencyTest {
    /** Models with different receptive fields and features (A1 standard, FiLM, condition DSP...). */
    private static final List<String> MODELS = List.of("py__standard.nam", "py__film_all.nam",
            "py__condition_dsp.nam", "py__kernel_sizes.nam", "py__gating_mixed.nam", "py__slimmable.nam");

    static Stream<Arguments> models() {
        return MODELS.stream().map(Arguments::of);
    }

    private static WaveNet load(String name) {
        return NamLoader.load(ReferenceSet.bundled().resolve("models").resolve(name)).resolve();
    }

    private static float[] edge() {
        return ReferenceSet.readF32(ReferenceSet.bundled().resolve("signals").resolve("edge.f32"));
    }

    private static float[] streamed(WaveNet net, float[] in, int block) {
        float[] out = new float[in.length];
        WaveNetStreamer s = new WaveNetStreamer(net);
        for (int i = 0; i < in.length; i += block) {
            s.process(in, i, out, i, Math.min(block, in.length - i));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void blockSizeDoesNotChangeTheOutput(String model) {
        WaveNet net = load(model);
        float[] in = edge();
        float[] whole = streamed(net, in, in.length);
        for (int block : new int[]{1, 7, 64, 4096}) {
            Tolerance.assertMatches(model + " block " + block, whole, streamed(net, in, block));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void resetRestoresSilenceBeforeTheFile(String model) {
        WaveNet net = load(model);
        float[] in = edge();
        WaveNetStreamer s = new WaveNetStreamer(net);
        float[] first = new float[in.length];
        s.process(in, first, in.length);
        s.reset();
        float[] again = new float[in.length];
        s.process(in, again, in.length);
        Tolerance.assertMatches(model + " after reset", first, again);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void offlineChunksEqualStreaming(String model) {
        WaveNet net = load(model);
        float[] in = edge();
        float[] expected = streamed(net, in, 4096);
        int rf = net.receptiveField();
        // chunks smaller than the receptive field, odd sizes, and the default
        for (int chunk : new int[]{Math.max(1, rf / 3), 1000, 4097, 0}) {
            for (int threads : new int[]{1, 2, 3}) {
                try (OfflineRenderer r = new OfflineRenderer(net, threads, chunk)) {
                    Tolerance.assertMatches(model + " chunk " + chunk + " threads " + threads, expected, r.render(in));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void multiCoreStreamEqualsSingleThreadStream(String model) {
        WaveNet net = load(model);
        float[] in = edge();
        float[] expected = streamed(net, in, in.length);
        float[] out = new float[in.length];
        try (CpuEngine engine = new CpuEngine(2); StreamRenderer r = engine.open(net)) {
            // uneven blocks, some far shorter than the receptive field: the halo must carry over
            int[] blocks = {100, 3, 5000, 1, 777, 12000};
            int pos = 0;
            for (int i = 0; pos < in.length; i++) {
                int n = Math.min(blocks[i % blocks.length], in.length - pos);
                r.process(in, pos, out, pos, n);
                pos += n;
            }
        }
        Tolerance.assertMatches(model + " cpu engine, 2 threads", expected, out);
    }

    /** Streams opened on one engine share the model's offline renderer but nothing else. */
    @org.junit.jupiter.api.Test
    void interleavedStreamsOfOneEngineStayApart() {
        WaveNet net = load("py__standard.nam");
        float[] a = edge();
        float[] b = ReferenceSet.readF32(ReferenceSet.bundled().resolve("signals").resolve("sweep.f32"));
        float[] outA = new float[a.length];
        float[] outB = new float[b.length];
        try (CpuEngine engine = new CpuEngine(2); StreamRenderer ra = engine.open(net);
             StreamRenderer rb = engine.open(net)) {
            for (int pos = 0; pos < Math.max(a.length, b.length); pos += 3000) {
                if (pos < a.length) {
                    ra.process(a, pos, outA, pos, Math.min(3000, a.length - pos));
                }
                if (pos < b.length) {
                    rb.process(b, pos, outB, pos, Math.min(3000, b.length - pos));
                }
            }
        }
        Tolerance.assertMatches("stream a", streamed(net, a, a.length), outA);
        Tolerance.assertMatches("stream b", streamed(net, b, b.length), outB);
    }

    @org.junit.jupiter.api.Test
    void slimVariantIsBlockSizeIndependentToo() {
        Path p = ReferenceSet.bundled().resolve("models").resolve("py__slimmable.nam");
        WaveNet net = NamLoader.load(p).resolve(0.0);
        float[] in = edge();
        float[] whole = streamed(net, in, in.length);
        Tolerance.assertMatches("slimmable, size 0, block 7", whole, streamed(net, in, 7));
    }
}
