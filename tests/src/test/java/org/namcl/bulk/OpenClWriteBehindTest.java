package org.namcl.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.namcl.bench.ModelShape;
import org.namcl.cpu.WaveNetStreamer;
import org.namcl.engine.ArraySignal;
import org.namcl.engine.JobOutcome;
import org.namcl.engine.RenderJob;
import org.namcl.engine.SignalSink;
import org.namcl.engine.SignalSource;
import org.namcl.gen.TestSignals;
import org.namcl.model.net.WaveNet;
import org.namcl.opencl.OpenClEngine;
import org.namcl.opencl.OpenClTestSupport;
import org.namcl.testing.Tolerance;

/**
 * The OpenCL engine writes outputs on a thread of its own: while a long job's sink is stuck in
 * its first write, the engine goes on reading that job's source and rendering its next segments
 * (with the writes on the rendering thread, the source would never be read further and the sink
 * would wait forever). The output is still the whole signal, in order.
 */
class OpenClWriteBehindTest {
    private static final int CHUNK = 8192;
    /**
     * The engine reads a job's first 30 s + 1 sample (the packing limit) as its first unit, then
     * segments of one chunk; with writes on the rendering thread, at most one segment is read
     * before the first unit's write. Three segments show reading went on while that write waited.
     */
    private static final long READ_AHEAD = 30 * 48_000 + 1 + 3L * CHUNK;

    @Test
    void readingGoesOnWhileASinkIsBusy() {
        WaveNet net = ModelShape.NANO.build(1).resolve(WaveNet.class);
        float[] in = TestSignals.mixed(31 * 48_000, 5); // past the packing limit: streamed in segments
        float[] out = new float[in.length];
        AtomicLong read = new AtomicLong();
        List<Thread> readers = new CopyOnWriteArrayList<>();
        CountDownLatch readAhead = new CountDownLatch(1);
        SignalSource inner = ArraySignal.source(in);
        SignalSource source = new SignalSource() {
            @Override
            public int channels() {
                return 1;
            }

            @Override
            public int read(float[][] dst, int off, int n) throws IOException {
                readers.add(Thread.currentThread());
                int k = inner.read(dst, off, n);
                if (read.addAndGet(k) >= READ_AHEAD) {
                    readAhead.countDown();
                }
                return k;
            }
        };
        SignalSink outer = ArraySignal.sink(out);
        List<Thread> writers = new ArrayList<>();
        SignalSink sink = (src, off, n) -> {
            if (writers.isEmpty()) {
                try {
                    // the first segment's write waits for the source to be read well past it
                    assertTrue(readAhead.await(60, TimeUnit.SECONDS), "the source was not read while the sink was busy");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            writers.add(Thread.currentThread());
            outer.write(src, off, n);
        };
        List<JobOutcome> outcomes = new ArrayList<>();
        try (OpenClEngine engine = new OpenClEngine(OpenClTestSupport.requireDevice(), CHUNK)) {
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> engine.run(
                    List.of(new RenderJob(net, source, sink, "long")).iterator(), outcomes::add));
            assertEquals(1, outcomes.size());
            JobOutcome.Done done = assertInstanceOf(JobOutcome.Done.class, outcomes.get(0), outcomes::toString);
            assertEquals(in.length, done.frames());
            assertEquals(7, writers.size(), "writes: the first unit, then 6 segments of the last 47,999 samples");
            writers.forEach(t -> assertTrue(readers.stream().noneMatch(r -> r == t),
                    "a sink written on the thread that reads the sources: " + t));
        }
        float[] expected = new float[in.length];
        new WaveNetStreamer(net).process(in, expected, in.length);
        Tolerance.assertMatches("streamed with writes behind", expected, out);
    }
}
