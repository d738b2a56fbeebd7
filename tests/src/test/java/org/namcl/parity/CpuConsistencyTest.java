package org.namcl.parity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.namcl.cpu.CpuEngine;
import org.namcl.cpu.CpuPolicy;
import org.namcl.cpu.WaveNetStreamer;
import org.namcl.model.NamLoader;
import org.namcl.model.net.WaveNet;

/**
 * On the CPU, results do not depend on how a stream is cut, bit for bit: block sizes of the
 * streaming engine, and the engine's threads, block and piece lengths (pieces rendered from
 * silence after an RF − 1 halo) when it renders jobs.
 */
class CpuConsistencyTest {
    /** Models with different receptive fields and features (A1 standard, FiLM, condition DSP...). */
    private static final List<String> MODELS = List.of("py__standard.nam", "py__film_all.nam",
            "py__condition_dsp.nam", "py__kernel_sizes.nam", "py__gating_mixed.nam", "py__slimmable.nam");

    static Stream<Arguments> models() {
        return MODELS.stream().map(Arguments::of);
    }

    private static WaveNet load(String name) {
        return NamLoader.load(ReferenceSet.bundled().resolve("models").resolve(name)).resolve(WaveNet.class);
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
            assertArrayEquals(whole, streamed(net, in, block), model + " block " + block);
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
        assertArrayEquals(first, again, model + " after reset");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void threadsBlocksAndPiecesDoNotChangeTheOutput(String model) {
        WaveNet net = load(model);
        float[] in = edge();
        float[] expected = streamed(net, in, 4096);
        int rf = net.receptiveField();
        // pieces shorter than the receptive field, odd lengths, and the defaults
        for (int piece : new int[]{Math.max(1, rf / 3), 1000, 4097, 0}) {
            for (int threads : new int[]{1, 2, 3}) {
                for (int block : new int[]{piece * 3 + 1, 0}) {
                    try (CpuEngine e = new CpuEngine(new CpuPolicy(threads, block, piece))) {
                        assertArrayEquals(expected, e.render(net, in),
                                model + " piece " + piece + " threads " + threads + " block " + block);
                    }
                }
            }
        }
    }

    @Test
    void slimVariantIsBlockSizeIndependentToo() {
        Path p = ReferenceSet.bundled().resolve("models").resolve("py__slimmable.nam");
        WaveNet net = NamLoader.load(p).resolve(0.0, WaveNet.class);
        float[] in = edge();
        assertArrayEquals(streamed(net, in, in.length), streamed(net, in, 7), "slimmable, size 0, block 7");
    }
}
