package org.namcl.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Needs no device. */
class SinkWriterTest {

    @Test
    void writesRunInOrderOnAnotherThreadAndCloseWaitsForThem() {
        List<Integer> done = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        try (SinkWriter w = new SinkWriter()) {
            for (int i = 0; i < 100; i++) {
                int n = i;
                w.submit(() -> {
                    threads.add(Thread.currentThread());
                    done.add(n);
                });
            }
        }
        assertEquals(IntStream.range(0, 100).boxed().toList(), done);
        threads.forEach(t -> assertNotSame(Thread.currentThread(), t));
    }

    @Test
    void aFailingWriteIsRethrownByTheNextDrainAndTheOthersStillRun() {
        RuntimeException boom = new IllegalStateException("sink gone");
        List<Integer> done = new ArrayList<>();
        try (SinkWriter w = new SinkWriter()) {
            w.submit(() -> done.add(1));
            w.submit(() -> {
                throw boom;
            });
            w.submit(() -> done.add(3));
            assertSame(boom, assertThrows(IllegalStateException.class, w::drain));
            assertEquals(List.of(1, 3), done);
            w.drain(); // told once
        }
    }
}
