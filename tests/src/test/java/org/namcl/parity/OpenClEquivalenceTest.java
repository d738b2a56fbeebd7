package org.namcl.parity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.namcl.cpu.WaveNetStreamer;
import org.namcl.engine.StreamRenderer;
import org.namcl.model.NamLoader;
import org.namcl.model.net.WaveNet;
import org.namcl.opencl.DeviceInfo;
import org.namcl.opencl.OpenClEngine;
import org.namcl.opencl.OpenClTestSupport;
import org.namcl.gen.RandomWaveNet;
import org.namcl.gen.TestSignals;
import org.namcl.testing.Tolerance;

/**
 * The OpenCL engine against the streaming CPU engine (the oracle) and NAM's reference renders,
 * within {@link Tolerance}: the reference models, seeded random models covering every feature,
 * chunk lengths below the receptive field and odd ones, packed batches and streamed blocks.
 */
class OpenClEquivalenceTest {
    /** Samples of the shared signals rendered for models this many weights or larger. */
    private static final int BIG_MODEL_WEIGHTS = 4000;
    /** Covers the edge signal's impulse, DC step, full-scale square, ±1 and noise sections. */
    static final int BIG_MODEL_SAMPLES = 26400;

    private static final Map<Long, WaveNet> RANDOM = new HashMap<>();
    private static WaveNet standard;
    private static DeviceInfo device;
    private static OpenClEngine engine;

    @BeforeAll
    static void open() {
        device = OpenClTestSupport.requireDevice();
        engine = new OpenClEngine(device);
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    static LongStream seeds() {
        return LongStream.range(0, RandomWaveNet.COVERING_SEEDS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.namcl.parity.ReferenceSet#bundledWaveNetCases")
    void bundledModelsMatchCpuAndReference(ReferenceSet.Case c) {
        checkReference(c, Integer.MAX_VALUE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.namcl.parity.ReferenceSet#publicWaveNetCases")
    void publicModelsMatchCpuAndReference(ReferenceSet.Case c) {
        checkReference(c, BIG_MODEL_SAMPLES);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomModelsMatchCpu(long seed) {
        WaveNet net = random(seed);
        float[] in = TestSignals.mixed(6000 + net.receptiveField(), seed);
        Tolerance.assertMatches("random model " + seed + " (RF " + net.receptiveField() + ")", cpu(net, in),
                engine.render(net, in));
    }

    /** Chunks shorter than the receptive field, and odd lengths: the same samples, bit for bit. */
    @ParameterizedTest(name = "chunk {0}")
    @ValueSource(ints = {1000, 4097, 12345})
    void chunkLengthDoesNotChangeTheOutput(int chunk) {
        List<WaveNet> nets = new ArrayList<>(List.of(standard()));
        for (long seed : new long[] {1, 3, 6}) {
            nets.add(random(seed));
        }
        try (OpenClEngine chunked = new OpenClEngine(device, chunk)) {
            for (WaveNet net : nets) {
                float[] in = TestSignals.mixed(30011, chunk);
                float[] whole = engine.render(net, in);
                float[] parts = chunked.render(net, in);
                assertEquals(chunk, chunked.chunkLength(net));
                Tolerance.assertMatches("chunk " + chunk + " vs CPU", cpu(net, in), parts);
                assertArrayEquals(whole, parts, "chunk " + chunk + " vs one chunk, RF " + net.receptiveField());
            }
        }
    }

    /** Files of many lengths packed into shared launches, some split across chunks. */
    @Test
    void packedBatchMatchesIndividualRenders() {
        for (WaveNet net : List.of(standard(), random(5))) {
            int rf = net.receptiveField();
            List<float[]> files = new ArrayList<>();
            int[] lengths = {0, 1, 2, 17, rf - 2, rf - 1, rf, rf + 1, 3000, 9000, 20011};
            for (int i = 0; i < lengths.length; i++) {
                files.add(TestSignals.mixed(lengths[i], 100 + i));
            }
            try (OpenClEngine small = new OpenClEngine(device, 4097)) {
                for (OpenClEngine e : List.of(engine, small)) {
                    float[][] out = e.renderAll(net, files);
                    for (int i = 0; i < files.size(); i++) {
                        float[] expected = cpu(net, files.get(i));
                        String what = "file " + i + " (" + lengths[i] + " samples, chunk " + e.chunkLength(net) + ")";
                        assertEquals(expected.length, out[i].length, what);
                        if (expected.length > 0) {
                            Tolerance.assertMatches(what, expected, out[i]);
                        }
                    }
                }
            }
        }
    }

    /** A stream fed in blocks of varying size (each block's halo kept by HaloStream). */
    @Test
    void streamedBlocksMatchCpu() {
        WaveNet net = random(4);
        float[] in = TestSignals.mixed(40000, 4);
        float[] out = new float[in.length];
        int[] blocks = {1, 7, 4096, 333, 12345, 64};
        try (StreamRenderer s = engine.open(net)) {
            for (int at = 0, i = 0; at < in.length; i++) {
                int n = Math.min(blocks[i % blocks.length], in.length - at);
                s.process(in, at, out, at, n);
                at += n;
            }
        }
        Tolerance.assertMatches("streamed blocks", cpu(net, in), out);
    }

    /** Silence in, the network's constant response to silence out; then an impulse, a square. */
    @Test
    void silenceImpulseAndFullScaleSquare() {
        WaveNet net = standard();
        float[] in = new float[20000];
        in[5000] = 1f;
        for (int i = 10000; i < 15000; i++) {
            in[i] = (i / 24) % 2 == 0 ? 1f : -1f;
        }
        float[] silence = new float[8000];
        Tolerance.assertMatches("silence", cpu(net, silence), engine.render(net, silence));
        Tolerance.assertMatches("impulse and square", cpu(net, in), engine.render(net, in));
    }

    private static void checkReference(ReferenceSet.Case c, int bigModelSamples) {
        checkReference(engine, c, bigModelSamples);
    }

    /** The case's model on {@code e} against the CPU engine and the reference render (long inputs cut for big models). */
    static void checkReference(OpenClEngine e, ReferenceSet.Case c, int bigModelSamples) {
        WaveNet net = NamLoader.load(c.modelPath()).resolve(c.slimValue(), WaveNet.class);
        float[] in = c.input();
        float[] expected = c.expected();
        if (net.parameterCount() >= BIG_MODEL_WEIGHTS && in.length > bigModelSamples) {
            in = Arrays.copyOf(in, bigModelSamples);
            expected = Arrays.copyOf(expected, bigModelSamples);
        }
        float[] out = e.render(net, in);
        Tolerance.assertMatches(c + " vs CPU", cpu(net, in), out);
        Tolerance.assertMatches(c + " vs reference", expected, out);
    }

    static float[] cpu(WaveNet net, float[] in) {
        float[] out = new float[in.length];
        new WaveNetStreamer(net).process(in, out, in.length);
        return out;
    }

    /** Engines cache weights per network instance: load each model once. */
    static synchronized WaveNet random(long seed) {
        return RANDOM.computeIfAbsent(seed, RandomWaveNet::load);
    }

    static synchronized WaveNet standard() {
        if (standard == null) {
            standard = NamLoader.load(ReferenceSet.bundled().resolve("models/py__standard.nam")).resolve(WaveNet.class);
        }
        return standard;
    }
}
