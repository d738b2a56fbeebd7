package org.namcl.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.namcl.bench.ModelShape;
import org.namcl.engine.ArraySignal;
import org.namcl.engine.JobFailure;
import org.namcl.engine.JobOutcome;
import org.namcl.engine.RenderJob;
import org.namcl.engine.SignalSource;
import org.namcl.model.net.Network;
import org.namcl.testing.WatchedSource;

/** Needs no device. */
class ReadAheadTest {
    private static final Network NET = ModelShape.NANO.build(1).resolve();

    private static float[] ramp(int n, int from) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = from + i;
        }
        return x;
    }

    private static RenderJob job(SignalSource source) {
        return new RenderJob(NET, source, (src, off, n) -> { }, null);
    }

    @Test
    void twoReadersReadTwoSourcesAtOnce() {
        // each source's read waits until the other's has begun: only reads on two threads at once finish
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(1);
        List<Thread> readers = new ArrayList<>();
        RenderJob a = job(waiting(first, second, readers));
        RenderJob b = job(waiting(second, first, readers));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (ReadAhead reads = new ReadAhead(List.of(a, b).iterator(), 2, j -> 100, j -> true)) {
                assertEquals(100, reads.take().start().frames());
                assertEquals(100, reads.take().start().frames());
                assertNull(reads.take());
            }
        });
        assertEquals(2, readers.size());
        assertNotSame(readers.get(0), readers.get(1));
        readers.forEach(t -> assertNotSame(Thread.currentThread(), t));
    }

    /** A source of 1,000 frames whose first read opens {@code mine} and waits for {@code other}. */
    private static SignalSource waiting(CountDownLatch mine, CountDownLatch other, List<Thread> readers) {
        return new WatchedSource(position -> {
            if (position == 0) {
                synchronized (readers) {
                    readers.add(Thread.currentThread());
                }
                mine.countDown();
                try {
                    if (!other.await(30, TimeUnit.SECONDS)) {
                        throw new IOException("the other source was not read meanwhile");
                    }
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
        }, ramp(1000, 0));
    }

    @Test
    void takesJobsFromTheIteratorOnlyAsTheWindowHasRoom() {
        int jobs = 50;
        AtomicInteger pulled = new AtomicInteger();
        int[] takes = {0};
        int[] window = {0};
        Iterator<RenderJob> lazy = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return pulled.get() < jobs;
            }

            @Override
            public RenderJob next() {
                assertTrue(pulled.get() < takes[0] + window[0], pulled + " jobs pulled after " + takes[0] + " takes");
                assertSame(Thread.currentThread(), mainThread);
                return job(ArraySignal.source(ramp(10, pulled.getAndIncrement())));
            }

            private final Thread mainThread = Thread.currentThread();
        };
        try (ReadAhead reads = new ReadAhead(lazy, 3, j -> 100, j -> true)) {
            window[0] = reads.window();
            assertEquals(6, window[0]);
            for (int i = 0; i < jobs; i++) {
                takes[0]++;
                JobStart s = reads.take().start();
                assertTrue(s.complete());
                assertArrayEquals(ramp(10, i), Arrays.copyOf(s.channels()[0], s.frames()), "job " + i);
            }
            assertNull(reads.take());
        }
        assertEquals(jobs, pulled.get());
    }

    @Test
    void aSourceThatFailsFailsItsJobAloneAndAnUnreadableJobIsNotRead() {
        SignalSource broken = WatchedSource.failingAt(0, "truncated data chunk", ramp(5, 0));
        SignalSource untouched = new SignalSource() {
            @Override
            public int channels() {
                throw new AssertionError("read");
            }

            @Override
            public int read(float[][] dst, int off, int n) {
                throw new AssertionError("read");
            }
        };
        RenderJob skip = job(untouched);
        List<RenderJob> batch = List.of(job(broken), skip, job(ArraySignal.source(ramp(5, 0))));
        try (ReadAhead reads = new ReadAhead(batch.iterator(), 1, j -> 100, j -> j != skip)) {
            ReadAhead.Pending failing = reads.take();
            JobFailure f = assertThrows(JobFailure.class, failing::start);
            JobOutcome.Failed outcome = JobFailure.failed(failing.job(), f);
            assertEquals(JobOutcome.Fault.INPUT, outcome.fault());
            assertEquals("truncated data chunk", outcome.cause().getMessage());
            ReadAhead.Pending skipped = reads.take();
            assertTrue(skipped.ready());
            assertThrows(IllegalStateException.class, skipped::start);
            skipped.discard();
            assertEquals(5, reads.take().start().frames());
        }
    }

    @Test
    void segmentsRepeatTheOverlapAndAreReadAFixedDepthAhead() {
        int length = 100_000;
        int first = 10_001;
        int frames = 4096;
        int depth = 2;
        float[] signal = ramp(length, 0);
        int[] nextCalls = {0};
        List<String> tooFar = new ArrayList<>();
        SignalSource counted = new WatchedSource(position -> {
            long segment = position < first ? 0 : (position - first) / frames + 1;
            if (segment > nextCalls[0] + depth) {
                synchronized (tooFar) {
                    tooFar.add("segment " + segment + " read after " + nextCalls[0] + " taken");
                }
            }
        }, signal, signal);
        try (ReadAhead reads = new ReadAhead(List.of(job(counted)).iterator(), 2, j -> first, j -> true)) {
            JobStart start = reads.take().start();
            assertFalse(start.complete());
            assertEquals(first, start.frames());
            Segments rest = reads.segments(start, frames, 300, depth);
            int position = first;
            for (Segment s; ; position += s.frames()) {
                nextCalls[0]++;
                s = rest.next();
                if (s == null) {
                    break;
                }
                assertEquals(300, s.held());
                for (int c = 0; c < 2; c++) {
                    assertArrayEquals(Arrays.copyOfRange(signal, position - 300, position + s.frames()),
                            Arrays.copyOf(s.channels()[c], s.held() + s.frames()), "segment at " + position);
                }
            }
            assertEquals(length, position);
            assertNull(rest.next());
        }
        assertEquals(List.of(), tooFar);
    }

    @Test
    void aSegmentThatFailsEndsTheSegmentsAndStopEndsReading() {
        AtomicInteger reads = new AtomicInteger();
        SignalSource failsLate = new WatchedSource(position -> {
            if (reads.incrementAndGet() == 3) {
                throw new IOException("bad block");
            }
        }, ramp(50_000, 0));
        try (ReadAhead ahead = new ReadAhead(List.of(job(failsLate), job(ArraySignal.source(ramp(50_000, 0))))
                .iterator(), 1, j -> 1000, j -> true)) {
            JobStart start = ahead.take().start();
            Segments rest = ahead.segments(start, 1000, 10, 3);
            assertEquals(1000, rest.next().frames());
            assertThrows(JobFailure.class, rest::next);
            assertNull(rest.next());
            assertEquals(3, reads.get(), "no read after the failure");

            JobStart other = ahead.take().start();
            Segments stopped = ahead.segments(other, 1000, 10, 3);
            stopped.stop();
            int after = 0;
            while (stopped.next() != null) {
                after++;
            }
            assertTrue(after <= 3, after + " segments after the stop: at most those begun before it");
        }
    }
}
