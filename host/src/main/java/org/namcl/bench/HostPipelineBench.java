package org.namcl.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.namcl.audio.SampleEncoding;
import org.namcl.pipeline.ReadAhead;
import org.namcl.pipeline.SinkWriter;
import org.namcl.render.BatchRenderer;
import org.namcl.render.EngineChoice;
import org.namcl.render.EngineSelector;
import org.namcl.render.InputCollector;
import org.namcl.render.OutputFormat;
import org.namcl.render.ProgressReporter;
import org.namcl.render.RenderOptions;
import org.namcl.render.RunReport;

/**
 * The host side of {@code render} measured alone, and end to end: a batch of PCM16 files rendered
 * to f32 files, on {@link PassThroughEngine} (reading, decoding, encoding and writing, no
 * arithmetic) with one reader thread and with {@code threads}, and then through each model shape on a real engine, over the same files. The host side is
 * reported per core (samples per second of the process's CPU time), which is what bounds a
 * machine whose every core feeds one device.
 */
public final class HostPipelineBench {
    /** Files of the batch: a few, so per-file costs count as they do in a real batch. */
    static final int FILES = 4;
    /** The host side alone is fast: a few rounds, so the process's CPU clock (coarse on some systems) has time to tick. */
    static final int HOST_ROUNDS = 3;

    /**
     * The host side alone on this many threads (split into readers and writers as the OpenCL
     * engine splits them): samples/s on the wall clock and per CPU second.
     */
    public record HostRate(int hostThreads, double wallRate, double coreRate) {
    }

    /** The host side on 1 and on N threads, and end to end per shape on the wall clock (samples/s). */
    public record Result(long samples, List<HostRate> host, String engine, Map<ModelShape, Double> endToEndRates) {
    }

    private HostPipelineBench() {
    }

    /**
     * @param engine  the end-to-end engine: OPENCL renders on {@code device}, CPU on {@code threads}
     * @param threads the CPU engine's threads, and the host threads of the host side's second row
     */
    public static Result run(double seconds, List<ModelShape> shapes, EngineChoice engine, String device, int threads,
                             PrintStream out) {
        Path dir;
        try {
            dir = Files.createTempDirectory("namcl-host-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path in = Files.createDirectories(dir.resolve("in"));
            int n = (int) (seconds * Benchmark.RATE / FILES);
            for (int i = 0; i < FILES; i++) {
                BenchFiles.write(in.resolve("take-" + i + ".wav"), Benchmark.signal(n, 10 + i), SampleEncoding.PCM16);
            }
            RenderOptions options = RenderOptions.builder().engine(engine).device(device).threads(threads)
                    .format(OutputFormat.F32).overwrite(true).build();
            long samples = (long) n * FILES;
            Path anyModel = model(dir, shapes.get(0));
            out.printf(Locale.ROOT, "Host pipeline: render of %d PCM16 files of %.1f s to f32 through an engine doing no "
                    + "arithmetic (reading threads, then writing threads)%n", FILES, n / Benchmark.RATE);
            out.println("| host threads | readers + writers | samples/s | x RT | samples/s per core | x RT per core |");
            out.println("|---|---|---|---|---|---|");
            List<HostRate> host = new ArrayList<>();
            for (int t : threads > 1 ? List.of(1, threads) : List.of(1)) {
                HostRate r = host(options, t, anyModel, in, dir, samples);
                host.add(r);
                out.printf(Locale.ROOT, "| %d | %d + %d | %,.0f | %.0f | %,.0f | %.0f |%n", t, ReadAhead.readersFor(t),
                        SinkWriter.writersFor(t), r.wallRate(), r.wallRate() / Benchmark.RATE, r.coreRate(),
                        r.coreRate() / Benchmark.RATE);
            }
            Function<Consumer<String>, EngineSelector> real = notice -> EngineSelector.select(engine, device, threads,
                    notice);
            Map<ModelShape, Double> endToEnd = new LinkedHashMap<>();
            for (ModelShape shape : shapes) {
                Path model = model(dir, shape);
                render(options, real, model, in, dir); // compiles and uploads
                double rate = samples / render(options, real, model, in, dir);
                endToEnd.put(shape, rate);
                out.printf(Locale.ROOT, "  end to end (render) on %s, %-11s %11.0f samples/s %7.1fx real time%n",
                        engine.name().toLowerCase(Locale.ROOT), shape.displayName() + ":", rate, rate / Benchmark.RATE);
            }
            return new Result(samples, host, engine.name().toLowerCase(Locale.ROOT), endToEnd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            BenchFiles.delete(dir);
        }
    }

    /** The host side alone, after a round that warms the JIT up. */
    private static HostRate host(RenderOptions options, int threads, Path model, Path in, Path dir, long samples) {
        Function<Consumer<String>, EngineSelector> host = notice -> EngineSelector.of(new PassThroughEngine(threads),
                null);
        render(options, host, model, in, dir);
        long cpu0 = cpuNanos();
        double wall = 0;
        for (int round = 0; round < HOST_ROUNDS; round++) {
            wall += render(options, host, model, in, dir);
        }
        double cpu = (cpuNanos() - cpu0) * 1e-9;
        return new HostRate(threads, samples * HOST_ROUNDS / wall, samples * HOST_ROUNDS / cpu);
    }

    private static Path model(Path dir, ModelShape shape) throws IOException {
        return Files.writeString(dir.resolve(shape.displayName() + ".nam"), shape.json(42));
    }

    /** Renders the folder once; returns the wall seconds. */
    private static double render(RenderOptions options, Function<Consumer<String>, EngineSelector> engines, Path model,
                                 Path in, Path dir) {
        ProgressReporter quiet = new ProgressReporter(new PrintWriter(Writer.nullWriter()), true, false);
        long t0 = System.nanoTime();
        new BatchRenderer(options, quiet, new RunReport("bench", List.of(), options), engines)
                .run(List.of(model), InputCollector.collect(List.of(in), dir.resolve("out")), dir.resolve("out"));
        return (System.nanoTime() - t0) * 1e-9;
    }

    /** CPU time of the whole process (every thread, the JVM's own included). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
