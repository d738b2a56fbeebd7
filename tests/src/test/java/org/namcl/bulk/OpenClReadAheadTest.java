package org.namcl.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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
import org.namcl.opencl.OpenClSettings;
import org.namcl.opencl.OpenClTestSupport;
import org.namcl.testing.Tolerance;
import org.namcl.testing.WatchedSource;

/**
 * The OpenCL engine reads sources on threads of its own while its rendering thread takes device
 * work back: here a source's later input is read only once the output of an earlier unit (a
 * segment of a long file, a packed group of short ones) has come back from the device and been
 * written. With reading on the rendering thread, that thread would wait in the read for output
 * only it can take back, and the run would never end.
 */
class OpenClReadAheadTest {
    private static final int CHUNK = 8192;
    private static final WaveNet NET = ModelShape.NANO.build(1).resolve(WaveNet.class);

    /** A long file's segment is read only after every earlier output is written. */
    @Test
    void aLongFilesNextSegmentIsReadWhileTheDeviceFinishesTheLastOne() {
        Job job = new Job("long", TestSignals.mixed(31 * 48_000 + 3 * CHUNK + 100, 7)); // past the packing limit
        job.waitFrom = 30 * 48_000 + 1; // the segments after the first unit
        render(OpenClSettings.defaults().withChunkLength(CHUNK), List.of(job));
    }

    /**
     * A short file of the second packed unit is read only after the first unit is written; a long
     * file after short ones of the same model streams whole. On 8 host threads (4 writing lanes),
     * so a packed unit's files are written on several lanes and their outcomes told from several
     * threads, each once.
     */
    @Test
    void aPackedUnitsFilesAreReadWhileTheDeviceFinishesTheUnitBefore() {
        OpenClSettings settings = OpenClSettings.defaults().withChunkLength(CHUNK).withPackSamples(48_000)
                .withHostThreads(8);
        Job a1 = new Job("a1", TestSignals.mixed(24_000, 1));
        Job a2 = new Job("a2", TestSignals.mixed(24_000, 2));
        Job a3 = new Job("a3", TestSignals.mixed(20_000, 3));
        Job along = new Job("long", TestSignals.mixed(100_000, 4));
        Job a4 = new Job("a4", TestSignals.mixed(5_000, 5));
        a3.waitFrom = 0; // a1 and a2 fill the first unit: a3 starts the second
        a3.waitFor = a1;
        render(settings, List.of(a1, a2, a3, along, a4));
    }

    /**
     * A long file whose source fails in a later segment, and one whose sink fails, fail alone with
     * whose fault it was, and the file after them is done. Neither source is read once its job's
     * outcome is told (the caller may then close it): here the sink fails while a later segment's
     * read is under way, and that read holds on until the outcome is told or 2 s have passed, so
     * an outcome told before the read ended is seen.
     */
    @Test
    void aLongFileThatFailsMidwayFailsAloneAndIsNotReadAfterItsOutcome() {
        int length = 31 * 48_000 + 4 * CHUNK;
        float[] in = TestSignals.mixed(length, 8);
        AtomicInteger badReads = new AtomicInteger();
        SignalSource truncated = new WatchedSource(position -> {
            badReads.incrementAndGet();
            if (position >= 30 * 48_000 + 1 + 2 * CHUNK) {
                throw new IOException("bad block");
            }
        }, in);
        CountDownLatch laterReadBegun = new CountDownLatch(1);
        CountDownLatch told = new CountDownLatch(1);
        AtomicInteger busy = new AtomicInteger();
        AtomicInteger fullReads = new AtomicInteger();
        SignalSource whole = new SignalSource() {
            private final SignalSource inner = ArraySignal.source(in);
            private long read;

            @Override
            public int channels() {
                return 1;
            }

            @Override
            public int read(float[][] dst, int off, int n) throws IOException {
                busy.incrementAndGet();
                fullReads.incrementAndGet();
                try {
                    if (read >= 30 * 48_000 + 1 + 2 * CHUNK && laterReadBegun.getCount() > 0) {
                        laterReadBegun.countDown();
                        told.await(2, TimeUnit.SECONDS);
                    }
                    int k = inner.read(dst, off, n);
                    read += k;
                    return k;
                } catch (InterruptedException e) {
                    throw new IOException(e);
                } finally {
                    busy.decrementAndGet();
                }
            }
        };
        int[] writes = {0};
        SignalSink full = (src, off, n) -> {
            if (++writes[0] == 2) {
                try {
                    assertTrue(laterReadBegun.await(60, TimeUnit.SECONDS), "no later segment was read");
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                throw new IOException("disk full");
            }
        };
        float[] good = new float[5_000];
        float[] goodIn = TestSignals.mixed(good.length, 9);
        Map<Object, JobOutcome> outcomes = new ConcurrentHashMap<>();
        Map<Object, Integer> readsWhenTold = new ConcurrentHashMap<>();
        int[] busyWhenTold = {-1};
        try (OpenClEngine engine = new OpenClEngine(OpenClTestSupport.requireDevice(),
                OpenClSettings.defaults().withChunkLength(CHUNK))) {
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> engine.run(List.of(
                    new RenderJob(NET, truncated, (src, off, n) -> { }, "input"),
                    new RenderJob(NET, whole, full, "output"),
                    new RenderJob(NET, ArraySignal.source(goodIn), ArraySignal.sink(good), "good")).iterator(), o -> {
                        if (o.job().tag().equals("output")) {
                            busyWhenTold[0] = busy.get();
                            told.countDown();
                        }
                        readsWhenTold.put(o.job().tag(), (o.job().tag().equals("input") ? badReads : fullReads).get());
                        outcomes.put(o.job().tag(), o);
                    }));
        }
        assertEquals(3, outcomes.size(), outcomes::toString);
        JobOutcome.Failed input = assertInstanceOf(JobOutcome.Failed.class, outcomes.get("input"));
        assertEquals(JobOutcome.Fault.INPUT, input.fault());
        assertEquals("bad block", input.cause().getMessage());
        JobOutcome.Failed output = assertInstanceOf(JobOutcome.Failed.class, outcomes.get("output"));
        assertEquals(JobOutcome.Fault.OUTPUT, output.fault());
        assertEquals("disk full", output.cause().getMessage());
        assertEquals(2, writes[0], "no write after the sink failed");
        assertEquals(0, busyWhenTold[0], "the source was being read when its job's failure was told");
        assertEquals(fullReads.get(), readsWhenTold.get("output"), "the source was read after its sink failed");
        assertEquals(badReads.get(), readsWhenTold.get("input"), "the failed source was read after its outcome");
        assertInstanceOf(JobOutcome.Done.class, outcomes.get("good"));
        float[] expected = new float[good.length];
        new WaveNetStreamer(NET).process(goodIn, expected, good.length);
        Tolerance.assertMatches("the file after them", expected, good);
    }

    private static void render(OpenClSettings settings, List<Job> jobs) {
        // told from the writing lanes' threads, in any order across lanes
        List<JobOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        Thread[] rendering = new Thread[1];
        try (OpenClEngine engine = new OpenClEngine(OpenClTestSupport.requireDevice(), settings)) {
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                rendering[0] = Thread.currentThread();
                engine.run(jobs.stream().map(Job::job).iterator(), outcomes::add);
            }, "the rendering thread waited on a read");
        }
        Supplier<String> told = () -> outcomes.stream().map(o -> o instanceof JobOutcome.Failed f
                ? f.job().tag() + " failed: " + f.cause() : o.job().tag() + " done").toList().toString();
        assertEquals(jobs.size(), outcomes.size(), told);
        for (Job j : jobs) {
            JobOutcome outcome = outcomes.stream().filter(o -> o.job().tag().equals(j.name)).findFirst().orElse(null);
            JobOutcome.Done done = assertInstanceOf(JobOutcome.Done.class, outcome, told);
            assertEquals(j.in.length, done.frames());
            float[] expected = new float[j.in.length];
            new WaveNetStreamer(NET).process(j.in, expected, j.in.length);
            Tolerance.assertMatches(j.name, expected, j.out);
            assertTrue(j.readers.stream().noneMatch(t -> t == rendering[0]), j.name + " read on the rendering thread");
        }
    }

    /**
     * A job whose source, from frame {@link #waitFrom} on, reads only once the output before that
     * frame is written: its own output, or all of {@link #waitFor}'s.
     */
    private static final class Job {
        final String name;
        final float[] in;
        final float[] out;
        final Set<Thread> readers = ConcurrentHashMap.newKeySet();
        long waitFrom = Long.MAX_VALUE;
        Job waitFor;
        volatile long written;
        Job(String name, float[] in) {
            this.name = name;
            this.in = in;
            this.out = new float[in.length];
        }

        RenderJob job() {
            SignalSource source = new WatchedSource(position -> {
                readers.add(Thread.currentThread());
                if (position >= waitFrom && position < in.length) { // the read that finds the end waits for nothing
                    Job other = waitFor != null ? waitFor : this;
                    awaitWritten(other, waitFor != null ? other.in.length : position);
                }
            }, in);
            SignalSink sink = ArraySignal.sink(out);
            return new RenderJob(NET, source, (src, off, n) -> {
                sink.write(src, off, n);
                written += n;
            }, name);
        }

        private void awaitWritten(Job other, long frames) throws IOException {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (other.written < frames) {
                if (System.nanoTime() > deadline) {
                    throw new IOException(name + ": " + other.name + "'s output before frame " + frames
                            + " was never written");
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
        }
    }
}
