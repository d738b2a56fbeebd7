package org.namcl.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Needs no device. */
class SinkWriterTest {
    private static final int LANES = 3;

    @Test
    void eachLanesWritesRunInOrderOnOneOtherThreadAndCloseWaitsForThemAll() {
        List<List<Integer>> done = new ArrayList<>();
        List<Set<Thread>> threads = new ArrayList<>();
        try (SinkWriter w = new SinkWriter(LANES)) {
            List<SinkWriter.Lane> lanes = new ArrayList<>();
            for (int l = 0; l < LANES; l++) {
                lanes.add(w.lane());
                done.add(Collections.synchronizedList(new ArrayList<>()));
                threads.add(ConcurrentHashMap.newKeySet());
            }
            for (int i = 0; i < 100; i++) {
                for (int l = 0; l < LANES; l++) {
                    int n = i;
                    int lane = l;
                    lanes.get(l).submit(() -> {
                        threads.get(lane).add(Thread.currentThread());
                        done.get(lane).add(n);
                    });
                }
            }
        }
        for (int l = 0; l < LANES; l++) {
            assertEquals(IntStream.range(0, 100).boxed().toList(), done.get(l), "lane " + l);
            assertEquals(1, threads.get(l).size(), "lane " + l);
            assertNotSame(Thread.currentThread(), threads.get(l).iterator().next());
        }
    }

    @Test
    void lanesAreHandedOutInTurnAndRunSideBySide() throws InterruptedException {
        CountDownLatch secondRan = new CountDownLatch(1);
        CountDownLatch firstSawIt = new CountDownLatch(1);
        try (SinkWriter w = new SinkWriter(2)) {
            SinkWriter.Lane first = w.lane();
            SinkWriter.Lane second = w.lane();
            assertNotSame(first, second);
            assertSame(first, w.lane());
            // the first lane's write waits for the second lane's: it ends only if they run at once
            first.submit(() -> {
                try {
                    if (secondRan.await(10, TimeUnit.SECONDS)) {
                        firstSawIt.countDown();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            second.submit(secondRan::countDown);
            w.drain();
        }
        assertEquals(0, firstSawIt.getCount(), "the lanes' writes did not run side by side");
    }

    @Test
    void aFailingWriteIsRethrownByTheNextDrainAndTheOthersStillRun() {
        RuntimeException boom = new IllegalStateException("sink gone");
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        try (SinkWriter w = new SinkWriter(2)) {
            SinkWriter.Lane a = w.lane();
            SinkWriter.Lane b = w.lane();
            a.submit(() -> done.add(1));
            b.submit(() -> {
                throw boom;
            });
            a.submit(() -> done.add(3));
            b.submit(() -> done.add(4));
            assertSame(boom, assertThrows(IllegalStateException.class, w::drain));
            assertTrue(done.containsAll(List.of(1, 3, 4)) && done.size() == 3, done::toString);
            w.drain(); // told once
        }
    }

    @Test
    void theHostThreadsBesideTheRenderingOneAreSplitBetweenReadersAndWriters() {
        // threads, readers, writers: at least one each, at most 8 each
        for (int[] split : new int[][] {{1, 1, 1}, {2, 1, 1}, {3, 1, 1}, {4, 1, 2}, {5, 2, 2}, {10, 4, 5}, {17, 8, 8},
            {64, 8, 8}}) {
            assertEquals(split[1], ReadAhead.readersFor(split[0]), split[0] + " threads: readers");
            assertEquals(split[2], SinkWriter.writersFor(split[0]), split[0] + " threads: writers");
        }
    }
}
