package org.namcl.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.namcl.audio.SampleEncoding;
import org.namcl.eval.EvalOptions;
import org.namcl.eval.EvalPair;
import org.namcl.eval.Evaluator;
import org.namcl.eval.Latency;
import org.namcl.eval.PairCollector;
import org.namcl.eval.Segment;
import org.namcl.render.BatchRenderer;
import org.namcl.render.EngineChoice;
import org.namcl.render.InputCollector;
import org.namcl.render.ProgressReporter;
import org.namcl.render.RenderOptions;
import org.namcl.render.RunReport;

/**
 * What scoring costs over rendering: N models of one shape over one DI, once as {@code render}
 * does it (decode, render, write WAV files) and once as {@code eval} does it (decode DI and
 * target, render, align and measure), each the best of two rounds, in one run.
 */
public final class EvalBench {
    /** One measurement: the wall seconds of each. */
    public record Result(ModelShape shape, int models, double renderSeconds, double evalSeconds) {
        public double ratio() {
            return evalSeconds / renderSeconds;
        }
    }

    private EvalBench() {
    }

    public static Result run(int models, double seconds, ModelShape shape, EngineChoice engine, String device,
                             int threads, PrintStream out) {
        Path dir;
        try {
            dir = Files.createTempDirectory("namcl-eval-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path modelDir = Files.createDirectories(dir.resolve("models"));
            List<Path> paths = new ArrayList<>();
            for (int i = 0; i < models; i++) {
                paths.add(Files.writeString(modelDir.resolve(shape.displayName() + "-" + i + ".nam"),
                        shape.json(2000 + i)));
            }
            int n = (int) (seconds * Benchmark.RATE);
            Path di = BenchFiles.write(dir.resolve("di.wav"), Benchmark.signal(n, 3), SampleEncoding.FLOAT32);
            // any target: only the time is wanted
            Path target = BenchFiles.write(dir.resolve("target.wav"), Benchmark.signal(n + 100, 4),
                    SampleEncoding.FLOAT32);
            out.printf("namcl bench --eval %d: %s models over %.1f s of audio at 48 kHz%n", models,
                    shape.displayName(), seconds);
            ProgressReporter quiet = new ProgressReporter(new PrintWriter(Writer.nullWriter()), true, false);
            RenderOptions render = RenderOptions.builder().engine(engine).device(device).threads(threads)
                    .overwrite(true).build();
            EvalOptions eval = new EvalOptions(engine, device, threads, null, Latency.AUTO, Segment.ALL, false,
                    false);
            List<EvalPair> pairs = PairCollector.fromPaths(di, target);
            double renderBest = Double.MAX_VALUE;
            double evalBest = Double.MAX_VALUE;
            for (int round = 0; round < 3; round++) {
                // round 0 warms the JIT and the engines' caches up and is not counted
                List<Path> used = round == 0 ? paths.subList(0, 1) : paths;
                long t0 = System.nanoTime();
                new BatchRenderer(render, quiet, new RunReport("bench", List.of(), render))
                        .run(used, InputCollector.collect(List.of(di), dir.resolve("out")), dir.resolve("out"));
                long t1 = System.nanoTime();
                new Evaluator(eval, quiet, null, false).run(used, pairs);
                long t2 = System.nanoTime();
                if (round > 0) {
                    renderBest = Math.min(renderBest, (t1 - t0) * 1e-9);
                    evalBest = Math.min(evalBest, (t2 - t1) * 1e-9);
                }
            }
            Result r = new Result(shape, models, renderBest, evalBest);
            out.printf("render: %.3f s   eval: %.3f s   eval / render: %.3f (the target is at most 1.15)%n",
                    r.renderSeconds(), r.evalSeconds(), r.ratio());
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            BenchFiles.delete(dir);
        }
    }
}
