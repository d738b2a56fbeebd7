package org.namcl.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.namcl.bench.ModelShape;
import org.namcl.cpu.CpuEngine;
import org.namcl.engine.ArraySignal;
import org.namcl.engine.Engine;
import org.namcl.engine.JobOutcome;
import org.namcl.engine.RenderJob;
import org.namcl.model.net.WaveNet;
import org.namcl.opencl.OpenClEngine;
import org.namcl.opencl.OpenClTestSupport;
import org.namcl.gen.TestSignals;

/**
 * Thousands of models through the job API keep resources bounded: threads stay at the engine's
 * pool (plus a few the JVM starts on its own), models are loaded as their jobs come up and let
 * go after, and the engine's caches (streamers, device weights, programs) stay within bounds.
 */
class BulkJobsTest {
    /** Threads the JVM may start on its own during the run (JIT, GC, reference handling). */
    private static final int JVM_THREADS = 4;

    /**
     * Heap growth allowed over 1,800 nano models after the first 200: the test's own weak
     * references take about 70 KB; keeping every model's weights alone would take about 20 MB
     * (measured), its streamers more.
     */
    private static final long MAX_HEAP_GROWTH = 4L << 20;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    /** {@code count} jobs over freshly built models of {@code shapes} in turn, each over its own short input. */
    private static Iterator<RenderJob> jobs(int count, ModelShape[] shapes, List<WeakReference<WaveNet>> built) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public RenderJob next() {
                int i = next++;
                WaveNet net = shapes[i % shapes.length].build(i).resolve(WaveNet.class);
                built.add(new WeakReference<>(net));
                float[] in = TestSignals.mixed(1500, i);
                return new RenderJob(net, ArraySignal.source(in), ArraySignal.sink(new float[in.length]), i);
            }
        };
    }

    /** Runs the jobs, sampling the live thread count at every outcome; returns the most seen. */
    private int run(Engine engine, Iterator<RenderJob> jobs, int expected) {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        engine.run(jobs, o -> {
            assertTrue(o instanceof JobOutcome.Done, () -> "job " + o.job().tag() + ": " + o);
            done.incrementAndGet();
            most.accumulateAndGet(threads.getThreadCount(), Math::max);
        });
        assertEquals(expected, done.get());
        return most.get();
    }

    /** Heap in use after collecting garbage (System.gc() is a request: made until the figure settles). */
    private static long heapAfterGc() {
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (now >= last) {
                return now;
            }
            last = now;
        }
        return last;
    }

    /** Models still strongly held; System.gc() is a request, so it is made until the count settles. */
    private static int reachable(List<WeakReference<WaveNet>> built) {
        int last = -1;
        for (int i = 0; i < 5; i++) {
            System.gc();
            int now = (int) built.stream().filter(r -> r.get() != null).count();
            if (now == last) {
                break;
            }
            last = now;
        }
        return last;
    }

    @Test
    void twoThousandModelsOnTheCpuKeepThreadsModelsAndHeapBounded() {
        List<WeakReference<WaveNet>> built = new ArrayList<>();
        int before = threads.getThreadCount();
        try (CpuEngine engine = new CpuEngine(2)) {
            run(engine, jobs(200, new ModelShape[] {ModelShape.NANO}, built), 200);
            long heapAt200 = heapAfterGc();
            int most = run(engine, jobs(1800, new ModelShape[] {ModelShape.NANO}, built), 1800);
            long grown = heapAfterGc() - heapAt200;

            assertTrue(most <= before + engine.threads() + JVM_THREADS,
                    "threads: " + before + " before, up to " + most + " during the run");
            assertTrue(engine.cachedModels() <= 16, "streamer pools kept: " + engine.cachedModels());
            int live = reachable(built);
            assertTrue(live <= engine.cachedModels() + 2, live + " of 2000 models still in memory");
            assertTrue(grown <= MAX_HEAP_GROWTH, "heap grew " + grown + " bytes over the last 1800 models");
        }
    }

    @Test
    void manyModelsOnOpenClKeepWeightsBoundedAndCompileOncePerShape() {
        List<WeakReference<WaveNet>> built = new ArrayList<>();
        try (OpenClEngine engine = new OpenClEngine(OpenClTestSupport.requireDevice())) {
            run(engine, jobs(2, new ModelShape[] {ModelShape.NANO, ModelShape.FEATHER}, built), 2);
            int programs = engine.compiledPrograms();

            run(engine, jobs(120, new ModelShape[] {ModelShape.NANO, ModelShape.FEATHER}, built), 120);

            assertEquals(programs, engine.compiledPrograms(), "models of two shapes compile two shapes' programs");
            assertTrue(engine.cachedModels() <= 32, "models on the device: " + engine.cachedModels());
            int live = reachable(built);
            assertTrue(live <= engine.cachedModels() + 2, live + " of 122 models still in memory");
        }
    }
}
