package org.namcl.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.namcl.audio.WavReader;
import org.namcl.engine.Engine;
import org.namcl.model.ModelException;
import org.namcl.render.RunReport.Status;

/**
 * Renders every (model, file) pair of a batch, model by model. A pair that cannot be rendered
 * fails alone, with one line naming the file and the model; a model that cannot be loaded, or an
 * engine that cannot start, is reported once and fails its pairs. Existing outputs are skipped
 * unless overwriting, so an interrupted batch resumes where it stopped.
 */
public final class BatchRenderer {
    /** Files up to this long are packed with others when the engine packs (OpenCL). */
    static final int PACK_MAX_SECONDS = 30;
    /** Model-rate samples rendered in one packed group: bounds the memory a group holds. */
    static final long PACK_SAMPLES = 1 << 23;

    private final RenderOptions options;
    private final ProgressReporter progress;
    private final RunReport report;
    private final PairRenderer renderer;
    /** Starts the engines, given where to send notices; replaced in tests. */
    private final Function<Consumer<String>, EngineSelector> startEngines;

    public BatchRenderer(RenderOptions options, ProgressReporter progress, RunReport report) {
        this(options, progress, report,
                notice -> EngineSelector.select(options.engine(), options.device(), options.threads(), notice));
    }

    BatchRenderer(RenderOptions options, ProgressReporter progress, RunReport report,
                  Function<Consumer<String>, EngineSelector> startEngines) {
        this.options = options;
        this.progress = progress;
        this.report = report;
        this.renderer = new PairRenderer(options);
        this.startEngines = startEngines;
    }

    /** A model of the batch, or why it cannot be used. */
    private record ModelSlot(Path path, LoadedModel model, String problem) {
    }

    /** Renders each input through each model into {@code outDir}; outcomes go to the report. */
    public void run(List<Path> models, List<InputFile> inputs, Path outDir) {
        List<ModelSlot> slots = new ArrayList<>();
        for (Path m : models) {
            slots.add(load(m, inputs.size()));
        }
        for (InputFile in : inputs) {
            if (in.problem() != null) {
                progress.error(in.path() + ": " + in.problem());
            }
        }
        EngineSelector engines = null;
        String engineProblem = null;
        try {
            engines = startEngines.apply(progress::notice);
            report.engine(engines.primary().description());
        } catch (RuntimeException e) {
            engineProblem = "cannot use the OpenCL engine: " + Problems.describe(e);
            progress.error(engineProblem);
        }
        double[] seconds = progress.live() ? durations(inputs) : new double[inputs.size()];
        double total = 0;
        for (double s : seconds) {
            total += s;
        }
        progress.start(slots.size() * inputs.size(), total * slots.size());

        Thread cleanup = new Thread(renderer::abandon, "namcl-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            for (ModelSlot m : slots) {
                List<Integer> packable = new ArrayList<>();
                for (int i = 0; i < inputs.size(); i++) {
                    String problem = inputs.get(i).problem() != null ? inputs.get(i).problem()
                            : m.problem() != null ? m.problem() : engineProblem;
                    if (problem != null) {
                        report.add(failed(inputs.get(i), m.path(), null, null, null, problem));
                        progress.pairDone(seconds[i]);
                    } else if (engines.primary().packs() && isShort(inputs.get(i))
                            && (options.overwrite() || !Files.exists(OutputPaths.output(outDir, m.model().name(),
                            inputs.get(i))))) {
                        packable.add(i);
                    } else {
                        renderPair(m.model(), inputs.get(i), outDir, engines, engines.primary(), seconds[i]);
                    }
                }
                renderPacked(m.model(), inputs, packable, outDir, engines, seconds);
            }
        } finally {
            Runtime.getRuntime().removeShutdownHook(cleanup);
            if (engines != null) {
                engines.close();
            }
        }
    }

    private ModelSlot load(Path path, int files) {
        try {
            return new ModelSlot(path, LoadedModel.load(path, options, progress::warn), null);
        } catch (ModelException e) {
            progress.error(Problems.describe(e) + (files > 0 ? " (skipping its " + files
                    + (files == 1 ? " file)" : " files)") : ""));
            return new ModelSlot(path, null, Problems.describe(e));
        }
    }

    /** Whether a file is short enough to be packed with others into one launch. */
    private static boolean isShort(InputFile in) {
        try (WavReader r = WavReader.open(in.path())) {
            return r.frames() <= PACK_MAX_SECONDS * r.format().sampleRate();
        } catch (IOException | RuntimeException e) {
            return false; // rendered on its own, where the problem is reported
        }
    }

    /**
     * Renders short files through a packing engine in groups: a dry pass records what each file
     * feeds the model, one launch renders the whole group, and each file's real pass then writes
     * those outputs (gains, resampling, format and atomic writing as for any pair). A group whose
     * launch fails is rendered file by file, with the usual CPU fallback.
     */
    private void renderPacked(LoadedModel model, List<InputFile> inputs, List<Integer> indices, Path outDir,
                              EngineSelector engines, double[] seconds) {
        List<Integer> group = new ArrayList<>();
        List<List<float[]>> recorded = new ArrayList<>();
        long samples = 0;
        for (int k = 0; k <= indices.size(); k++) {
            List<float[]> signals = null;
            if (k < indices.size()) {
                try {
                    signals = renderer.modelInputs(inputs.get(indices.get(k)), model);
                } catch (IOException | RuntimeException e) {
                    int i = indices.get(k); // its own pass reports the problem
                    renderPair(model, inputs.get(i), outDir, engines, engines.primary(), seconds[i]);
                    continue;
                }
            }
            long more = signals == null ? 0 : signals.stream().mapToLong(x -> x.length).sum();
            if (!group.isEmpty() && (signals == null || samples + more > PACK_SAMPLES)) {
                renderGroup(model, inputs, group, recorded, outDir, engines, seconds);
                group.clear();
                recorded.clear();
                samples = 0;
            }
            if (signals != null) {
                group.add(indices.get(k));
                recorded.add(signals);
                samples += more;
            }
        }
    }

    private void renderGroup(LoadedModel model, List<InputFile> inputs, List<Integer> group,
                             List<List<float[]>> recorded, Path outDir, EngineSelector engines, double[] seconds) {
        List<float[]> all = new ArrayList<>();
        recorded.forEach(all::addAll);
        float[][] rendered = null;
        try {
            rendered = engines.primary().renderAll(model.net(), all);
        } catch (RuntimeException e) {
            progress.notice(engines.primary().name() + " failed on a group of " + group.size() + " files ("
                    + Problems.describe(e) + "); rendering them one by one");
        }
        int next = 0;
        for (int g = 0; g < group.size(); g++) {
            int i = group.get(g);
            int channels = recorded.get(g).size();
            Engine first = engines.primary();
            if (rendered != null) {
                first = new PlaybackEngine(engines.primary(), List.of(rendered).subList(next, next + channels));
                next += channels;
            }
            renderPair(model, inputs.get(i), outDir, engines, first, seconds[i]);
        }
    }

    private void renderPair(LoadedModel model, InputFile in, Path outDir, EngineSelector engines, Engine first,
                            double seconds) {
        Path output = OutputPaths.output(outDir, model.name(), in);
        if (!options.overwrite() && Files.exists(output)) {
            report.add(new RunReport.Pair(str(in.path()), str(model.path()), str(output), Status.SKIPPED,
                    null, null, null, null, null, null, null, null));
            progress.pairDone(seconds);
            return;
        }
        long start = System.nanoTime();
        Engine engine = first;
        try {
            PairResult r;
            try {
                r = renderer.render(in, model, engine, output, progress::advance);
            } catch (RuntimeException e) {
                if (engines.fallback() == null || e instanceof RenderException) {
                    throw e;
                }
                progress.notice(engine.name() + " failed on " + pairName(in, model) + " ("
                        + Problems.describe(e) + "); rendering it on the CPU");
                progress.retry();
                engine = engines.fallback();
                r = renderer.render(in, model, engine, output, progress::advance);
            }
            if (r.clippedSamples() > 0) {
                progress.warn(output + ": " + r.clippedSamples() + " samples clipped to the "
                        + "PCM range (lower --output-gain, or use --format f32)");
            }
            report.add(new RunReport.Pair(str(in.path()), str(model.path()), str(output), Status.RENDERED,
                    r.frames(), r.channels(), r.sampleRate(), r.seconds(), wall(start), engine.name(),
                    r.clippedSamples(), null));
            progress.pairDone(r.seconds());
        } catch (IOException | RuntimeException e) {
            String problem = withoutPrefix(Problems.describe(e), in.path());
            progress.error(pairName(in, model) + ": " + problem);
            report.add(failed(in, model.path(), output, engine, wall(start), problem));
            progress.pairDone(seconds);
        }
    }

    private static RunReport.Pair failed(InputFile in, Path model, Path output, Engine engine, Double wall,
                                         String problem) {
        return new RunReport.Pair(str(in.path()), str(model), str(output), Status.FAILED, null, null, null, null,
                wall, engine == null ? null : engine.name(), null, problem);
    }

    private static String pairName(InputFile in, LoadedModel model) {
        return in.path() + " (model " + model.name() + ")";
    }

    /** Messages about the input often start with its path; the error line names it already. */
    private static String withoutPrefix(String message, Path input) {
        String prefix = input + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** Input lengths from the WAV headers, for the progress line's ETA; 0 where unreadable. */
    private static double[] durations(List<InputFile> inputs) {
        double[] s = new double[inputs.size()];
        for (int i = 0; i < s.length; i++) {
            if (inputs.get(i).problem() == null) {
                try (WavReader r = WavReader.open(inputs.get(i).path())) {
                    s[i] = r.frames() / (double) r.format().sampleRate();
                } catch (IOException | RuntimeException e) {
                    // reported when the pair is rendered
                }
            }
        }
        return s;
    }

    private static double wall(long startNanos) {
        return (System.nanoTime() - startNanos) * 1e-9;
    }

    private static String str(Path p) {
        return p == null ? null : p.toString();
    }
}
