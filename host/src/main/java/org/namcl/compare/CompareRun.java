package org.namcl.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BiConsumer;
import org.namcl.audio.WavReader;
import org.namcl.engine.Engine;
import org.namcl.engine.JobOutcome;
import org.namcl.engine.RenderJob;
import org.namcl.engine.SignalSource;
import org.namcl.engine.Support;
import org.namcl.files.OwnedFiles;
import org.namcl.model.ModelException;
import org.namcl.render.InputFile;
import org.namcl.render.LoadedModel;
import org.namcl.render.OutputPaths;
import org.namcl.render.Problems;
import org.namcl.render.ProgressReporter;
import org.namcl.render.ProgressSource;
import org.namcl.render.RenderOptions;

/**
 * Renders every (model, input) pair on each side and measures it against the baseline: the
 * first side's rendering (kept on disk while the others are compared with it), or a file from a
 * folder of renders made elsewhere. Model by model, pairs as engine jobs; memory stays bounded
 * however long the files, and disk holds one model's baseline renderings at a time. A pair that
 * cannot be compared fails alone, with one line naming it.
 */
public final class CompareRun {
    private final List<Side> sides;
    private final Path against;
    private final Limits limits;
    private final RenderOptions modelOptions;
    private final int threads;
    private final ProgressReporter progress;
    private final List<PairComparison> results = new ArrayList<>();
    /** Chart data of the worst pairs so far, at most {@link #charted} of them. */
    private final Map<PairComparison, DifferenceTrace.Trace> traces = new IdentityHashMap<>();
    private int charted;

    /**
     * @param sides    the engines to compare; without {@code against} the first is the baseline
     * @param against  a folder of baseline renders ({@code <model name>/<relative path>}, or
     *                 {@code <relative path>} when there is one model), or null
     * @param modelOptions how models are loaded (slim)
     */
    public CompareRun(List<Side> sides, Path against, Limits limits, RenderOptions modelOptions, int threads,
                      ProgressReporter progress) {
        if (sides.isEmpty() || (against == null && sides.size() < 2)) {
            throw new IllegalArgumentException("two sides are needed, or one and a folder to compare against");
        }
        this.sides = List.copyOf(sides);
        this.against = against;
        this.limits = limits;
        this.modelOptions = modelOptions;
        this.threads = threads;
        this.progress = progress;
    }

    /** Gathers chart data for the HTML report, kept for the {@code worst} pairs. */
    public CompareRun charting(int worst) {
        this.charted = worst;
        return this;
    }

    /** The chart data kept, by pair. */
    public Map<PairComparison, DifferenceTrace.Trace> traces() {
        synchronized (results) {
            return Map.copyOf(traces);
        }
    }

    /** The sides measured against the baseline. */
    private List<Side> compared() {
        return against == null ? sides.subList(1, sides.size()) : sides;
    }

    /** Compares every pair; returns the results in the order they were found, model by model. */
    public List<PairComparison> run(List<Path> models, List<InputFile> inputs) {
        double[] seconds = inputs.stream().mapToDouble(in -> progress.live() ? in.seconds() : 0).toArray();
        // every side renders each input: the baseline too, unless it is read from files
        int rendered = against == null ? sides.size() : compared().size();
        progress.start(models.size() * inputs.size() * compared().size(),
                models.size() * rendered * Arrays.stream(seconds).sum());
        Map<Side, Engine> engines = new LinkedHashMap<>();
        Map<Side, String> unusable = new LinkedHashMap<>();
        for (Side s : sides) {
            try {
                engines.put(s, s.start(threads));
            } catch (RuntimeException e) {
                unusable.put(s, "cannot start " + s + ": " + Problems.describe(e));
                progress.error(unusable.get(s));
            }
        }
        Path temp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        try {
            for (Path model : models) {
                compareModel(model, inputs, seconds, engines, unusable, temp, models.size() == 1);
            }
        } finally {
            engines.values().forEach(Engine::close);
        }
        return resultsSoFar();
    }

    /**
     * The results so far, while {@link #run} runs (what an interrupted run prints).
     *
     * @return the results, in the order they were found
     */
    public List<PairComparison> resultsSoFar() {
        synchronized (results) {
            return List.copyOf(results);
        }
    }

    /** One input through one model: its files and what became of it. */
    private static final class Pair {
        final InputFile input;
        /** Its length, for the progress line (0 when not known). */
        final double seconds;
        /** The source of its rendering on the side under way, as the progress line counts it. */
        ProgressSource counted;
        String problem;
        int rate;
        int channels;
        Path baselineFile;
        RawSignalFile raw;
        WavReader source;
        /** The baseline being read: a WavReader or a RawSignalFile.Reader. */
        SignalSource baseline;

        Pair(InputFile input, double seconds) {
            this.input = input;
            this.seconds = seconds;
            this.problem = input.problem();
        }

        /** Input seconds of its rendering on the side under way the progress line has not counted. */
        double remaining() {
            return counted == null ? seconds : counted.remaining();
        }

        void closeFiles() {
            for (Object o : new Object[] {source, baseline}) {
                try {
                    if (o instanceof AutoCloseable c) {
                        c.close();
                    }
                } catch (Exception e) {
                    // only read from: nothing is lost
                }
            }
            source = null;
            baseline = null;
        }
    }

    private void compareModel(Path modelPath, List<InputFile> inputs, double[] seconds, Map<Side, Engine> engines,
                              Map<Side, String> unusable, Path temp, boolean onlyModel) {
        LoadedModel model;
        try {
            model = LoadedModel.load(modelPath, modelOptions, progress::warn);
        } catch (ModelException e) {
            String why = Problems.describe(e);
            progress.error(why);
            for (int i = 0; i < inputs.size(); i++) {
                if (against == null) {
                    progress.settled(seconds[i]);
                }
                for (Side s : compared()) {
                    add(new PairComparison(modelPath, inputs.get(i).path(), s.toString(), baselineName(null), 0, null,
                            why), false, seconds[i]);
                }
            }
            return;
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            pairs.add(new Pair(inputs.get(i), seconds[i]));
        }
        try {
            if (against != null) {
                for (Pair p : pairs) {
                    locateBaseline(p, model.name(), onlyModel);
                }
            } else {
                renderBaseline(model, pairs, engines.get(sides.get(0)), unusable.get(sides.get(0)), temp);
                // what the baseline did not render (it failed, or could not start) is over all the same
                pairs.forEach(p -> progress.settled(p.remaining()));
            }
            for (Side s : compared()) {
                compareSide(model, pairs, s, engines.get(s), unusable.get(s));
            }
        } finally {
            for (Pair p : pairs) {
                p.closeFiles();
                if (p.raw != null) {
                    try {
                        p.raw.delete();
                    } catch (IOException e) {
                        progress.warn("cannot remove a temporary file: " + Problems.describe(e));
                    }
                }
            }
        }
    }

    private void locateBaseline(Pair p, String modelName, boolean onlyModel) {
        if (p.problem != null) {
            return;
        }
        Path nested = OutputPaths.output(against, modelName, p.input);
        Path flat = against.resolve(OutputPaths.relativeOutput(p.input.relative()));
        if (Files.isRegularFile(nested)) {
            p.baselineFile = nested;
        } else if (onlyModel && Files.isRegularFile(flat)) {
            p.baselineFile = flat;
        } else {
            p.problem = "no baseline render: " + nested + (onlyModel ? " and " + flat + " do" : " does") + " not exist";
        }
    }

    private void renderBaseline(LoadedModel model, List<Pair> pairs, Engine engine, String unusable, Path temp) {
        Side side = sides.get(0);
        String cannot = unusable != null ? unusable : cannotRun(side, engine, model);
        if (cannot != null) {
            pairs.forEach(p -> p.problem = p.problem == null ? cannot : p.problem);
            return;
        }
        List<Pair> ready = pairs.stream().filter(p -> p.problem == null).toList();
        engine.run(jobs(ready, p -> {
            open(p, model);
            p.raw = new RawSignalFile(temp, p.channels);
            return new RenderJob(model.net(), counting(p, model, side), p.raw.sink(), p);
        }, (p, why) -> p.problem = why), outcome -> {
            Pair p = (Pair) outcome.job().tag();
            try {
                ((RawSignalFile.Writer) outcome.job().sink()).close();
            } catch (IOException e) {
                p.problem = "cannot keep the baseline rendering: " + Problems.describe(e);
            }
            if (outcome instanceof JobOutcome.Failed f) {
                p.problem = "the baseline (" + side + ") failed: " + Problems.describe(f.cause());
            }
            p.closeFiles();
        });
    }

    private void compareSide(LoadedModel model, List<Pair> pairs, Side side, Engine engine, String unusable) {
        String cannot = unusable != null ? unusable : cannotRun(side, engine, model);
        List<Pair> ready = new ArrayList<>();
        for (Pair p : pairs) {
            String problem = p.problem != null ? p.problem : cannot;
            if (problem != null) {
                add(new PairComparison(model.path(), p.input.path(), side.toString(), baselineName(p), p.rate, null,
                        problem), !problem.equals(unusable), p.seconds);
            } else {
                ready.add(p);
            }
        }
        if (ready.isEmpty()) {
            return;
        }
        engine.run(jobs(ready, p -> {
            open(p, model);
            ComparingSink sink = new ComparingSink(baselineSource(p), p.channels,
                    charted > 0 ? new DifferenceTrace(p.source.frames(), p.rate) : null);
            return new RenderJob(model.net(), counting(p, model, side), sink, p);
        }, (p, why) -> add(new PairComparison(model.path(), p.input.path(), side.toString(), baselineName(p), p.rate,
                null, why), true, p.remaining())), outcome -> {
            Pair p = (Pair) outcome.job().tag();
            Difference d = null;
            DifferenceTrace.Trace trace = null;
            String problem;
            try {
                if (outcome instanceof JobOutcome.Failed f) {
                    problem = side + " failed: " + Problems.describe(f.cause());
                } else {
                    ComparingSink sink = (ComparingSink) outcome.job().sink();
                    d = sink.finish();
                    trace = sink.trace() == null ? null : sink.trace().finish();
                    problem = limits.violation(d);
                }
            } catch (IOException | RuntimeException e) {
                problem = "cannot read the baseline: " + Problems.describe(e);
                d = null;
            }
            p.closeFiles();
            PairComparison r = new PairComparison(model.path(), p.input.path(), side.toString(), baselineName(p), p.rate,
                    d, problem);
            add(r, true, p.remaining());
            if (trace != null) {
                keep(r, trace);
            }
        });
    }

    /** Why {@code engine} cannot render the model, or null. */
    private static String cannotRun(Side side, Engine engine, LoadedModel model) {
        Support s = engine.supports(model.net());
        return s.supported() ? null : side + " cannot render " + model.path() + ": " + s.problem();
    }

    /** The pair's source on {@code side}, counted by the progress line. */
    private SignalSource counting(Pair p, LoadedModel model, Side side) {
        p.counted = progress.counting(p.source, p.rate, p.seconds, model.name(), p.input.name() + " on " + side);
        return p.counted;
    }

    /** Opens the pair's input, checking it against the model (and its baseline file). */
    private static void open(Pair p, LoadedModel model) throws IOException {
        p.counted = null; // this side's rendering has counted nothing yet
        p.source = WavReader.open(p.input.path());
        p.rate = p.source.format().sampleRate();
        p.channels = p.source.channels();
        double modelRate = model.net().sampleRate();
        if (p.rate != modelRate) {
            throw new IOException("the file's sample rate (" + p.rate + " Hz) differs from the model's ("
                    + modelRate + " Hz); compare renders at the file's rate");
        }
    }

    private static SignalSource baselineSource(Pair p) throws IOException {
        if (p.raw != null) {
            p.baseline = p.raw.source();
            return p.baseline;
        }
        WavReader file = WavReader.open(p.baselineFile);
        p.baseline = file;
        if (file.channels() != p.channels || file.format().sampleRate() != p.rate) {
            throw new IOException("the baseline " + p.baselineFile + " is " + file.channels() + " channels at "
                    + file.format().sampleRate() + " Hz, the input " + p.channels + " at " + p.rate + " Hz");
        }
        return file;
    }

    /** What the pairs are measured against, for the report. */
    private String baselineName(Pair p) {
        if (against == null) {
            return sides.get(0).toString();
        }
        return p == null || p.baselineFile == null ? against.toString() : p.baselineFile.toString();
    }

    /**
     * Records a result; {@code say} prints its line when it did not pass (not once namcl is
     * stopping: every pair under way fails for that alone). {@code remaining} of its input seconds
     * were not counted by the progress line yet.
     */
    private void add(PairComparison r, boolean say, double remaining) {
        if (say && r.problem() != null && !OwnedFiles.process().stopping()) {
            progress.error(OutputPaths.modelName(r.model()) + " / " + r.input() + " on " + r.side() + ": "
                    + r.problem());
        }
        synchronized (results) {
            results.add(r);
        }
        progress.pairDone(remaining);
    }

    /** Keeps {@code trace} if {@code r} is among the {@link #charted} worst pairs so far. */
    private void keep(PairComparison r, DifferenceTrace.Trace trace) {
        synchronized (results) {
            traces.put(r, trace);
            if (traces.size() > charted) {
                traces.keySet().stream().min(java.util.Comparator.comparingDouble(PairComparison::badness))
                        .ifPresent(traces::remove);
            }
        }
    }

    /** Makes a pair's job, or fails it (the pair is then left out). */
    private interface JobMaker {
        RenderJob make(Pair p) throws IOException;
    }

    /** The pairs' jobs, made as the engine asks for them; a pair whose job cannot be made goes to {@code failed}. */
    private static Iterator<RenderJob> jobs(List<Pair> pairs, JobMaker maker,
                                            BiConsumer<Pair, String> failed) {
        Iterator<Pair> it = pairs.iterator();
        return new Iterator<>() {
            private RenderJob next;

            @Override
            public boolean hasNext() {
                if (OwnedFiles.process().stopping()) {
                    return false; // a signal: no more work
                }
                while (next == null && it.hasNext()) {
                    Pair p = it.next();
                    try {
                        next = maker.make(p);
                    } catch (IOException | RuntimeException e) {
                        p.closeFiles();
                        failed.accept(p, Problems.describe(e));
                    }
                }
                return next != null;
            }

            @Override
            public RenderJob next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                RenderJob j = next;
                next = null;
                return j;
            }
        };
    }
}
