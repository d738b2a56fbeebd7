package org.namcl.cpu;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.namcl.model.NamLoader;

/**
 * The real-time contract of {@link WaveNetStreamer}: once built, {@code process} (any block
 * size) and {@code reset} allocate nothing, so an audio thread never waits for the collector.
 * Measured with the JVM's per-thread allocation counter on a mid-size real model (the
 * reference set's "feather": two arrays, 20 layers, 3026 weights).
 */
class RealTimeAllocationTest {
    /** Block sizes cycled through: one sample, an odd size, half an internal block (128). */
    private static final int[] SMALL_BLOCKS = {1, 7, 64};
    /** Many internal blocks in one call: used for every BIG_EVERY-th call only, to keep the test fast. */
    private static final int BIG_BLOCK = 4096;
    private static final int BIG_EVERY = 100;
    private static final int CALLS = 1000;
    private static final int RESET_EVERY = 100;
    /**
     * Calls before measuring, so that the measured loop runs C2-compiled code: the contract is
     * about the steady state, not about what the interpreter does in the first second.
     */
    private static final int WARM_UP_CALLS = 3000;
    private static final int ROUNDS = 5;

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void processAndResetAllocateNothing() throws IOException {
        WaveNetStreamer streamer = new WaveNetStreamer(NamLoader.parse(resource("/models/py__feather.nam"),
                "py__feather.nam").resolve());
        float[] in = StreamCheck.noise(BIG_BLOCK, 1, 0.5);
        float[] out = new float[BIG_BLOCK];
        run(streamer, in, out, WARM_UP_CALLS);

        // No slack: reading the counter allocates nothing itself (two reads in a row differ by 0),
        // so each call is measured on its own and the failure says which method allocates. The
        // JVM itself now and then allocates a few bytes on the calling thread (seen: 112 and 896 B
        // at two random calls out of 5000), so a round is repeated up to ROUNDS times; an
        // allocation in our code, on any branch, would show in every round of 1000 calls.
        long[] first = run(streamer, in, out, CALLS);
        long[] allocated = first;
        for (int round = 1; round < ROUNDS && allocated[0] + allocated[1] > 0; round++) {
            long[] again = run(streamer, in, out, CALLS);
            System.arraycopy(again, 0, allocated, 0, allocated.length);
        }
        assertAll(
                () -> assertEquals(0, allocated[0], "bytes allocated by " + CALLS + " process() calls"),
                () -> assertEquals(0, allocated[1], "bytes allocated by " + CALLS / RESET_EVERY + " reset() calls"));
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
    private long[] run(WaveNetStreamer streamer, float[] in, float[] out, int calls) {
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

    private static String resource(String name) throws IOException {
        try (InputStream s = RealTimeAllocationTest.class.getResourceAsStream(name)) {
            if (s == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(s.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
