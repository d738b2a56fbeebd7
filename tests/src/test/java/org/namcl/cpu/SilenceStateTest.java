package org.namcl.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.namcl.engine.StreamRenderer;
import org.namcl.gen.RandomWaveNet;
import org.namcl.model.NamLoader;
import org.namcl.model.net.Network;
import org.namcl.testing.RandomNetworks;
import org.namcl.testing.Uniform;

/**
 * The state a streamer starts from, computed from one held sample ({@link History#hold}), is the
 * state RF samples of silence lead to, bit for bit: a file rendered from it comes out exactly as
 * the same file rendered after RF more zeros. On random WaveNets covering every feature (FiLM,
 * gating, bottlenecks, condition DSP, post-head stacks, grouped convs), ConvNets with and without
 * batch norm, and Linear models.
 */
class SilenceStateTest {
    static Stream<Arguments> networks() {
        Stream<Arguments> waveNets = LongStream.range(0, RandomWaveNet.COVERING_SEEDS)
                .mapToObj(seed -> Arguments.of("random WaveNet " + seed, RandomWaveNet.load(seed)));
        Stream<Arguments> others = LongStream.range(0, 4).mapToObj(seed -> Stream.of(
                Arguments.of("ConvNet " + seed, load(RandomNetworks.convNet(seed, 2 + (int) seed, new int[]{1, 4, 16},
                        seed % 2 == 0, "Tanh"))),
                Arguments.of("Linear " + seed, load(RandomNetworks.linear(seed, 17 + 100 * (int) seed, seed % 2 == 0)))))
                .flatMap(s -> s);
        return Stream.concat(waveNets, others);
    }

    private static Network load(String json) {
        return NamLoader.parse(json, "generated.nam").resolve();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void startingStateIsWhereRfZerosLead(String name, Network net) {
        int rf = net.finiteReceptiveField().getAsInt();
        float[] x = new Uniform(name.hashCode()).values(2000, 0.8);
        float[] padded = new float[rf + x.length];
        System.arraycopy(x, 0, padded, rf, x.length);

        float[] direct = render(CpuStreams.open(net), x);
        float[] afterZeros = render(CpuStreams.open(net), padded);
        assertArrayEquals(direct, Arrays.copyOfRange(afterZeros, rf, afterZeros.length), name + ", RF " + rf);
    }

    private static float[] render(StreamRenderer s, float[] in) {
        float[] out = new float[in.length];
        for (int done = 0; done < in.length; done += 300) {
            s.process(in, done, out, done, Math.min(300, in.length - done));
        }
        return out;
    }
}
