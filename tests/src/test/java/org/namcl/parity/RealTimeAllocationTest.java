package org.namcl.parity;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.namcl.cpu.CpuStreams;
import org.namcl.engine.StreamRenderer;
import org.namcl.model.NamLoader;
import org.namcl.model.net.Network;
import org.namcl.model.net.WaveNet;
import org.namcl.gen.RandomCoverage;
import org.namcl.gen.RandomWaveNet;
import org.namcl.gen.TestSignals;
import org.namcl.testing.RandomNetworks;

/**
 * The real-time contract of the CPU engine's streamers: once built, {@code process} (any block
 * size) and {@code reset} allocate nothing, so an audio thread never waits for the collector.
 * Measured with the JVM's per-thread allocation counter on every bundled reference model (each
 * slim variant) and on the covering random models, which add what the reference set lacks
 * (PReLU, Mish, SELU and other activations, post-stack head, three arrays...): together every
 * activation kind, gating mode, FiLM slot and shape, condition DSP, bottleneck, grouped conv and
 * 1x1, as {@link #theModelsCoverEveryFeature} checks. The other architectures: the bundled ConvNets
 * and random LSTMs (one and two layers) and Linear models (with and without bias).
 */
class RealTimeAllocationTest {
    /** Block sizes cycled through: one sample, an odd size, a quarter of an internal block. */
    private static final int[] SMALL_BLOCKS = {1, 7, 64};
    /** Many internal blocks in one call: used for every BIG_EVERY-th call only, to keep the test fast. */
    private static final int BIG_BLOCK = 4096;
    private static final int BIG_EVERY = 100;
    private static final int CALLS = 1000;
    private static final int RESET_EVERY = 100;
    /**
     * Calls before measuring, so that the measured loop runs compiled code: the contract is about
     * the steady state, not about what the interpreter does the first time through.
     */
    private static final int WARM_UP_CALLS = 1000;
    private static final int ROUNDS = 5;

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static Stream<Named<Network>> models() {
        // the manifest has a row per signal: one per model variant is enough here
        Collection<ReferenceSet.Case> variants = Stream.concat(ReferenceSet.bundledWaveNetCases().stream(),
                        ReferenceSet.bundledOtherCases().stream())
                .collect(Collectors.toMap(c -> c.model() + " " + c.variant(), c -> c, (a, b) -> a, LinkedHashMap::new))
                .values();
        Stream<Named<Network>> reference = variants.stream().map(c -> Named.of(
                c.model().replaceFirst(".*/", "") + " " + c.variant(),
                NamLoader.load(c.modelPath()).resolve(c.slimValue())));
        Stream<Named<Network>> random = LongStream.range(0, RandomWaveNet.COVERING_SEEDS)
                .mapToObj(seed -> Named.of("random " + seed, RandomWaveNet.load(seed)));
        Stream<Named<Network>> others = Stream.of(
                Named.of("random LSTM 1x16", RandomNetworks.load(RandomNetworks.lstm(1, 1, 16))),
                Named.of("random LSTM 2x3", RandomNetworks.load(RandomNetworks.lstm(2, 2, 3))),
                Named.of("random Linear 300 taps, bias", RandomNetworks.load(RandomNetworks.linear(3, 300, true))),
                Named.of("random Linear 1 tap", RandomNetworks.load(RandomNetworks.linear(4, 1, false))));
        return Stream.of(reference, random, others).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void processAndResetAllocateNothing(Network net) {
        StreamRenderer streamer = CpuStreams.open(net);
        float[] in = TestSignals.mixed(BIG_BLOCK, 1);
        float[] out = new float[BIG_BLOCK];
        run(streamer, in, out, WARM_UP_CALLS);

        // No slack: reading the counter allocates nothing itself (two reads in a row differ by 0),
        // so each call is measured on its own and the failure says which method allocates. The
        // JVM itself now and then allocates a few bytes on the calling thread (seen: 112 and 896 B
        // at two random calls out of 5000), so a round is repeated up to ROUNDS times; an
        // allocation in our code, on any branch, would show in every round of 1000 calls.
        long[] allocated = run(streamer, in, out, CALLS);
        for (int round = 1; round < ROUNDS && allocated[0] + allocated[1] > 0; round++) {
            allocated = run(streamer, in, out, CALLS);
        }
        long[] last = allocated;
        assertAll(
                () -> assertEquals(0, last[0], "bytes allocated by " + CALLS + " process() calls"),
                () -> assertEquals(0, last[1], "bytes allocated by " + CALLS / RESET_EVERY + " reset() calls"));
    }

    @Test
    void theModelsCoverEveryFeature() {
        Set<String> missing = RandomCoverage.all();
        missing.removeAll(RandomCoverage.of(models().map(Named::getPayload)
                .filter(WaveNet.class::isInstance).map(WaveNet.class::cast).toList()));
        assertTrue(missing.isEmpty(), "no model of the allocation test has: " + missing);
    }

    @Test
    void theAllocationCounterSeesAnAllocation() {
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        float[] sink = new float[100_000];
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertEquals(100_000, sink.length);
        assertTrue(allocated >= 400_000, "counter saw " + allocated + " bytes for a 400 kB array");
    }

    /** @return bytes allocated by the process calls and by the reset calls */
    private long[] run(StreamRenderer streamer, float[] in, float[] out, int calls) {
        long id = Thread.currentThread().getId();
        long[] allocated = new long[2];
        for (int i = 0; i < calls; i++) {
            int n = i % BIG_EVERY == BIG_EVERY - 1 ? BIG_BLOCK : SMALL_BLOCKS[i % SMALL_BLOCKS.length];
            long before = threads.getThreadAllocatedBytes(id);
            streamer.process(in, 0, out, 0, n);
            allocated[0] += threads.getThreadAllocatedBytes(id) - before;
            if (i % RESET_EVERY == RESET_EVERY - 1) {
                before = threads.getThreadAllocatedBytes(id);
                streamer.reset();
                allocated[1] += threads.getThreadAllocatedBytes(id) - before;
            }
        }
        return allocated;
    }
}
