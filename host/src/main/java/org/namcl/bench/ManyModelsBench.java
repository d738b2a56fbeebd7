package org.namcl.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.namcl.cpu.CpuEngine;
import org.namcl.engine.ArraySignal;
import org.namcl.engine.Engine;
import org.namcl.engine.JobOutcome;
import org.namcl.engine.RenderJob;
import org.namcl.model.net.Network;
import org.namcl.opencl.OpenClEngine;

/**
 * Bulk throughput: N models of one shape over one input, as jobs, against one model over N times
 * that input (N jobs of one model), measured side by side on each engine. Their ratio says what
 * switching models costs an engine (streamers built, weights uploaded, programs looked up).
 */
public final class ManyModelsBench {
    /** One row: samples/s of N models over the input, and of one model over N inputs. */
    public record Row(String engine, ModelShape shape, int models, double manyRate, double oneRate) {
    }

    private ManyModelsBench() {
    }

    public static List<Row> run(int models, double seconds, int threads, List<ModelShape> shapes, String device,
                                PrintStream out) {
        float[] input = Benchmark.signal((int) (seconds * Benchmark.RATE), 7);
        out.printf("namcl bench --many-models %d: %.1f s of audio at 48 kHz per job; CPU on %d threads%n", models,
                seconds, threads);
        Benchmark.warmUp(input);
        List<Row> rows = new ArrayList<>();
        try (CpuEngine cpu = new CpuEngine(threads)) {
            for (ModelShape s : shapes) {
                rows.add(measure(cpu, s, models, input));
            }
        }
        try (OpenClEngine cl = Benchmark.openCl(device, out)) {
            if (cl != null) {
                for (ModelShape s : shapes) {
                    if (cl.supports(s.build(0).resolve()).supported()) {
                        rows.add(measure(cl, s, models, input));
                    }
                }
            }
        }
        out.printf("%-7s %-11s %6s | %14s %6s | %14s %6s | %9s%n", "engine", "model", "models", "N models/s", "xRT",
                "1 model/s", "xRT", "N / 1");
        for (Row r : rows) {
            out.printf("%-7s %-11s %6d | %14.0f %6.1f | %14.0f %6.1f | %9.3f%n", r.engine(), r.shape().displayName(),
                    r.models(), r.manyRate(), r.manyRate() / Benchmark.RATE, r.oneRate(), r.oneRate() / Benchmark.RATE,
                    r.manyRate() / r.oneRate());
        }
        return rows;
    }

    private static Row measure(Engine engine, ModelShape shape, int models, float[] input) {
        List<Network> nets = new ArrayList<>();
        for (int i = 0; i < models; i++) {
            nets.add(shape.build(1000 + i).resolve());
        }
        Network one = nets.get(0);
        time(engine, List.of(one, one), input); // warm the engine's paths
        double oneRate = time(engine, Collections.nCopies(models, one), input);
        double manyRate = time(engine, nets, input);
        return new Row(engine.name(), shape, models, manyRate, oneRate);
    }

    /** Samples/s of rendering {@code input} through each model in turn, as one batch of jobs. */
    private static double time(Engine engine, List<Network> models, float[] input) {
        Iterator<Network> it = models.iterator();
        Iterator<RenderJob> jobs = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public RenderJob next() {
                // only the time is wanted: outputs are dropped
                return new RenderJob(it.next(), ArraySignal.source(input), (src, off, n) -> { }, null);
            }
        };
        String[] failure = {null};
        Consumer<JobOutcome> outcomes = o -> {
            if (o instanceof JobOutcome.Failed f) {
                failure[0] = String.valueOf(f.cause());
            }
        };
        long t0 = System.nanoTime();
        engine.run(jobs, outcomes);
        double wall = (System.nanoTime() - t0) * 1e-9;
        if (failure[0] != null) {
            throw new IllegalStateException("a job failed: " + failure[0]);
        }
        return (double) input.length * models.size() / wall;
    }
}
