package org.namcl.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.namcl.audio.Resampler;
import org.namcl.engine.ArraySignal;
import org.namcl.engine.Engine;
import org.namcl.engine.JobOutcome;
import org.namcl.engine.RenderJob;
import org.namcl.engine.Support;
import org.namcl.files.OwnedFiles;
import org.namcl.files.Sha256;
import org.namcl.model.ModelException;
import org.namcl.model.NamFile;
import org.namcl.model.NamLoader;
import org.namcl.model.net.Network;
import org.namcl.render.EngineSelector;
import org.namcl.render.OutputPaths;
import org.namcl.render.Problems;
import org.namcl.render.ProgressReporter;
import org.namcl.render.ProgressSource;

/**
 * Scores every model on every pair: each DI and target decoded once, every (model, pair) a
 * render job on the engine (models loaded as their first job comes up), the metrics of each
 * done job computed on worker threads while the engine renders the next. Whatever cannot be
 * scored (a pair, a model, the engine) is said in one line and fails alone.
 */
public final class Evaluator {
    private final EvalOptions options;
    private final ProgressReporter progress;
    private final Function<Consumer<String>, EngineSelector> startEngines;
    private final PairScorer scorer;
    /** By place in the run (model by model, pair by pair), whatever order they finish in. */
    private final TreeMap<Long, EvalResult> results = new TreeMap<>();
    /** Where scores are kept across runs, or null. */
    private final ResultsDatabase db;
    /** Whether results carry {@link ChartData} (for the HTML report, and kept in the database). */
    private final boolean charts;
    private String engineDescription = "none";
    private int stored;

    /**
     * @param db where results are kept: pairs scored there already are taken from it, new ones
     *           stored as they are scored; or null
     * @param charts whether to compute what the HTML report draws (always, with a database)
     */
    public Evaluator(EvalOptions options, ProgressReporter progress, ResultsDatabase db, boolean charts) {
        this(options, progress, db, charts,
                notice -> EngineSelector.select(options.engine(), options.device(), options.threads(), notice));
    }

    Evaluator(EvalOptions options, ProgressReporter progress, ResultsDatabase db, boolean charts,
              Function<Consumer<String>, EngineSelector> startEngines) {
        this.options = options;
        this.progress = progress;
        this.db = db;
        this.charts = charts || db != null;
        this.startEngines = startEngines;
        this.scorer = new PairScorer(options.latency(), options.segment());
    }

    /** The description of the engine that rendered, once {@link #run} has started it. */
    public String engineDescription() {
        return engineDescription;
    }

    /** How many results {@link #run} took from the results database. */
    public synchronized int fromDatabase() {
        return stored;
    }

    /** Scores each model on each pair; the results in model order, then pair order. */
    public List<EvalResult> run(List<Path> models, List<EvalPair> pairs) {
        List<Prepared> prepared = pairs.stream().map(this::prepare).toList();
        // the share done counts DI seconds rendered: scoring a pair takes a fraction of its rendering
        progress.start(models.size() * pairs.size(),
                models.size() * prepared.stream().mapToDouble(Prepared::seconds).sum());
        EngineSelector engines;
        try {
            engines = startEngines.apply(progress::notice);
            engineDescription = engines.primary().description();
        } catch (RuntimeException e) {
            String problem = "cannot use the OpenCL engine: " + Problems.describe(e);
            progress.error(problem);
            for (int m = 0; m < models.size(); m++) {
                for (int p = 0; p < prepared.size(); p++) {
                    add(seq(m, p, prepared), failure(models.get(m), null, prepared.get(p), problem),
                            prepared.get(p).seconds());
                }
            }
            return results();
        }
        ThreadPoolExecutor workers = new ThreadPoolExecutor(options.threads(), options.threads(), 1, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(2 * options.threads()), new ThreadPoolExecutor.CallerRunsPolicy());
        try (engines) {
            List<Job> retry = new ArrayList<>();
            Engine primary = engines.primary();
            Engine fallback = engines.fallback();
            // jobs for the fallback engine: those the primary failed on, and those of models it does not run
            primary.run(new Jobs(models, prepared, engines, retry),
                    o -> completed(o, primary, workers, fallback == null ? null : retry));
            if (!retry.isEmpty()) {
                fallback.run(retry.stream().map(Job::again).iterator(), o -> completed(o, fallback, workers, null));
            }
        } finally {
            workers.shutdown();
            try {
                workers.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return results();
    }

    private synchronized List<EvalResult> results() {
        return List.copyOf(results.values());
    }

    /**
     * The results so far, while {@link #run} runs (what an interrupted run prints), and how many
     * of them came from the results database, read together.
     *
     * @return the results, in model order, then pair order, and that count
     */
    public synchronized SoFar soFar() {
        return new SoFar(results(), stored);
    }

    /**
     * What {@link #soFar} found.
     *
     * @param results the results, in model order, then pair order
     * @param fromDatabase how many of them came from the results database
     */
    public record SoFar(List<EvalResult> results, int fromDatabase) {
    }

    /** Records a result; {@code remaining} of its DI seconds were not counted by the progress line yet. */
    private synchronized void add(long seq, EvalResult r, double remaining) {
        results.put(seq, r);
        progress.pairDone(remaining);
    }

    private static long seq(int model, int pair, List<Prepared> pairs) {
        return model * (long) pairs.size() + pair;
    }

    /** A pair decoded, or why it cannot be scored (said once here, not once per model). */
    private Prepared prepare(EvalPair pair) {
        if (pair.problem() != null) {
            progress.error(pair.problem());
            return new Prepared(pair, null, null, pair.problem(), false, null, null);
        }
        try {
            Recording di = Recording.read(pair.input());
            Recording target = Recording.read(pair.target());
            String problem = null;
            if (di.sampleRate() != target.sampleRate() && options.resample()) {
                target = new Recording(target.file(),
                        Resampler.resample(target.samples(), target.sampleRate(), di.sampleRate()), di.sampleRate());
            }
            if (di.sampleRate() != target.sampleRate()) {
                problem = pair.target() + ": sample rate mismatch: the target is at " + target.sampleRate()
                        + " Hz, its DI " + pair.input() + " at " + di.sampleRate() + " Hz; use --resample to convert";
            } else if (silent(target.samples())) {
                problem = pair.target() + ": the target is silent: ESR is undefined (it divides by the target's energy)";
            }
            boolean v3 = options.namV3() || NamV3.isStandardInput(pair.input());
            if (v3 && problem == null) {
                problem = NamV3.layoutProblem(di.samples().length, di.sampleRate());
                if (problem != null) {
                    problem = pair.input() + ": not laid out like NAM's v3 input: " + problem;
                } else if (!options.namV3()) {
                    progress.notice(pair.input() + " is NAM's v3 training input (MD5 " + NamV3.MD5 + "): its latency "
                            + "comes from the trainer's blips, and its validation ESR is reported");
                }
            }
            if (problem != null) {
                progress.error(problem);
            }
            return new Prepared(pair, di, target, problem, v3,
                    db == null ? null : Sha256.of(pair.input()), db == null ? null : Sha256.of(pair.target()));
        } catch (IOException | RuntimeException e) {
            String problem = Problems.describe(e);
            progress.error(problem);
            return new Prepared(pair, null, null, problem, false, null, null);
        }
    }

    private static boolean silent(float[] x) {
        for (float v : x) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    private void completed(JobOutcome outcome, Engine engine, ThreadPoolExecutor workers, List<Job> retry) {
        Job job = (Job) outcome.job().tag();
        if (outcome instanceof JobOutcome.Done) {
            workers.execute(() -> score(job));
            return;
        }
        JobOutcome.Failed f = (JobOutcome.Failed) outcome;
        String problem = Problems.describe(f.cause());
        if (f.fault() == JobOutcome.Fault.ENGINE && retry != null) {
            progress.notice(engine.name() + " failed on " + job.name() + " (" + problem + "); rendering it on the CPU");
            progress.retract(job.counted.advanced());
            synchronized (retry) {
                retry.add(job);
            }
            return;
        }
        progress.error(job.name() + ": " + problem);
        add(job.seq, failure(job.model.path, job.model, job.pair, problem), job.counted.remaining());
    }

    private void score(Job job) {
        EvalResult r;
        try {
            float[] output = job.outputAtDiRate();
            PairScorer.Score s = scorer.score(output, job.pair.target, job.pair.v3,
                    job.model.net.finiteReceptiveField().orElse(1));
            String problem = null;
            if (s.metrics().esr() == null) {
                problem = job.pair.pair.target() + ": the target is silent over the segment compared: ESR is undefined";
                progress.error(problem + " (model " + job.model.name + ")");
            }
            r = result(job.model.path, job.model, job.pair, s.metrics(), s.validationEsr(),
                    problem);
            if (charts) {
                r = r.withCharts(ChartData.of(output, job.pair.target.samples(), s.metrics(),
                        job.pair.target.sampleRate()));
            }
        } catch (EvalException e) {
            progress.error(e.getMessage() + " (model " + job.model.name + ")");
            r = failure(job.model.path, job.model, job.pair, e.getMessage());
        }
        add(job.seq, store(job, r), job.counted.remaining());
    }

    /** Whether the database has the job's result; if so it is taken from there, as of this run's paths. */
    private boolean alreadyScored(Job job) {
        if (job.key == null) {
            return false;
        }
        try {
            Optional<EvalResult> found = db.find(job.key);
            if (found.isEmpty()) {
                return false;
            }
            EvalResult r = found.get();
            synchronized (this) { // counted with its result, as soFar reads them
                stored++;
                add(job.seq, result(job.model.path, job.model, job.pair, r.metrics(),
                        r.validationEsr(), r.problem()).withCharts(r.charts()), job.pair.seconds());
            }
        } catch (SQLException e) {
            String problem = "cannot read the results database " + db.file() + ": " + e.getMessage();
            progress.error(problem);
            add(job.seq, failure(job.model.path, job.model, job.pair, problem), job.pair.seconds());
        }
        return true;
    }

    /** {@code r}, stored in the database when there is one and it scored; a result that cannot be stored fails. */
    private EvalResult store(Job job, EvalResult r) {
        if (job.key == null || r.failed()) {
            return r;
        }
        try {
            db.save(job.key, r);
            return r;
        } catch (SQLException e) {
            String problem = "scored, but cannot be stored in the results database " + db.file() + ": " + e.getMessage();
            progress.error(job.name() + ": " + problem);
            return result(job.model.path, job.model, job.pair, r.metrics(),
                    r.validationEsr(), problem).withCharts(r.charts());
        }
    }

    /** A result without metrics; {@code model} is null when it did not load. */
    private static EvalResult failure(Path path, Model model, Prepared pair, String problem) {
        return result(path, model, pair, null, null, problem);
    }

    private static EvalResult result(Path path, Model model, Prepared pair, PairMetrics metrics, Double validationEsr,
                                     String problem) {
        return new EvalResult(path.toString(), model != null ? model.name : OutputPaths.modelName(path),
                model == null ? null : model.validationEsr, model == null ? null : model.info, pair.pair.name(),
                pair.pair.input().toString(), pair.pair.target().toString(), metrics, validationEsr, problem, null);
    }

    /**
     * A pair ready to score on: its recordings decoded (and hashed for the database), or its problem.
     *
     * @param v3 whether its DI is NAM's v3 input (recognised, or said with --nam-v3)
     */
    private record Prepared(EvalPair pair, Recording di, Recording target, String problem, boolean v3,
                            String inputSha256, String targetSha256, Map<Integer, float[]> diAtRate) {

        Prepared(EvalPair pair, Recording di, Recording target, String problem, boolean v3, String inputSha256,
                 String targetSha256) {
            this(pair, di, target, problem, v3, inputSha256, targetSha256, new ConcurrentHashMap<>());
        }

        /** The DI's length in seconds; 0 when it was not read. */
        double seconds() {
            return di == null ? 0 : di.samples().length / (double) di.sampleRate();
        }

        /** The DI as a model at {@code rate} hears it: resampled once per rate (--resample). */
        float[] diAt(int rate) {
            return rate == di.sampleRate() ? di.samples()
                    : diAtRate.computeIfAbsent(rate, r -> Resampler.resample(di.samples(), di.sampleRate(), r));
        }
    }

    /**
     * A model loaded for its jobs (hashed for the database).
     *
     * @param info what its metadata says of it, or null ({@link ModelInfo})
     */
    private record Model(Path path, String name, Network net, Double validationEsr, String info, String sha256) {
    }

    /** One (model, pair) render: the output it fills. */
    private final class Job {
        final long seq;
        final Model model;
        final Prepared pair;
        /** Its row in the results database, or null without one. */
        final ScoreKey key;
        /** The rate the model runs at: the DI's, or the model's own with --resample. */
        final int rate;
        float[] output;
        /** The source of its latest render, as the progress line counts it. */
        ProgressSource counted;

        Job(long seq, Model model, Prepared pair, ScoreKey key, int rate) {
            this.seq = seq;
            this.model = model;
            this.pair = pair;
            this.key = key;
            this.rate = rate;
        }

        RenderJob render() {
            float[] in = pair.diAt(rate);
            output = new float[in.length];
            counted = progress.counting(ArraySignal.source(in), rate, pair.seconds(), model.name, pair.pair.name());
            return new RenderJob(model.net, counted, ArraySignal.sink(output), this);
        }

        /** The output at the DI's rate, as long as the DI. */
        float[] outputAtDiRate() {
            int diRate = pair.di.sampleRate();
            return rate == diRate ? output
                    : Arrays.copyOf(Resampler.resample(output, rate, diRate), pair.di.samples().length);
        }

        /** The same job again, from the start (on the fallback engine). */
        RenderJob again() {
            return render();
        }

        String name() {
            return pair.pair.input() + " (model " + model.name + ")";
        }
    }

    /** The jobs, model by model, made as the engine asks for them; pairs that cannot render are reported on the way. */
    private final class Jobs implements Iterator<RenderJob> {
        private final List<Path> models;
        private final List<Prepared> pairs;
        private final EngineSelector engines;
        private final List<Job> forFallback;
        private int modelIndex;
        private int pairIndex;
        private Model model;
        private String modelProblem;
        /** Whether the model's jobs go to the fallback engine (the primary does not run it). */
        private boolean deferred;
        private RenderJob ready;

        Jobs(List<Path> models, List<Prepared> pairs, EngineSelector engines, List<Job> forFallback) {
            this.models = models;
            this.pairs = pairs;
            this.engines = engines;
            this.forFallback = forFallback;
        }

        @Override
        public boolean hasNext() {
            if (OwnedFiles.process().stopping()) {
                return false; // a signal: no more work
            }
            while (ready == null && modelIndex < models.size()) {
                if (pairIndex == pairs.size()) {
                    modelIndex++;
                    pairIndex = 0;
                    model = null;
                    continue;
                }
                if (pairIndex == 0) {
                    load(models.get(modelIndex));
                }
                ready = prepare(seq(modelIndex, pairIndex, pairs), pairs.get(pairIndex));
                pairIndex++;
            }
            return ready != null;
        }

        @Override
        public RenderJob next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            RenderJob j = ready;
            ready = null;
            return j;
        }

        private void load(Path path) {
            model = null;
            modelProblem = null;
            deferred = false;
            try {
                NamFile file = NamLoader.load(path);
                if (options.slim() != null && !file.slimmable()) {
                    progress.warn(path + ": not a slimmable model; --slim is ignored for it");
                }
                Network net = file.resolve(options.slim() == null ? Double.NaN : options.slim());
                Support support = engines.primary().supports(net);
                Engine fallback = engines.fallback();
                deferred = !support.supported() && fallback != null && fallback.supports(net).supported();
                if (deferred) {
                    progress.notice(path + ": " + support.problem() + "; scoring it on the " + fallback.name()
                            + " engine");
                } else if (!support.supported()) {
                    throw new ModelException(path + ": " + support.problem());
                }
                model = new Model(path, OutputPaths.modelName(path), net, file.metadata().validationEsr(),
                        ModelInfo.of(file.metadata()), db == null ? null : Sha256.of(path));
            } catch (IOException e) {
                modelProblem = path + ": cannot be read: " + Problems.reason(e);
                progress.error(modelProblem);
            } catch (ModelException e) {
                modelProblem = Problems.describe(e);
                progress.error(modelProblem + " (skipping its " + pairs.size() + (pairs.size() == 1 ? " pair)" : " pairs)"));
            }
        }

        /** The pair's job, or null when its result is known already. */
        private RenderJob prepare(long seq, Prepared pair) {
            Path path = models.get(modelIndex);
            if (pair.problem != null || modelProblem != null) {
                add(seq, failure(path, model, pair,
                        pair.problem != null ? pair.problem : modelProblem), pair.seconds());
                return null;
            }
            double modelRate = model.net.sampleRate();
            String problem = null;
            if (modelRate != pair.di.sampleRate() && !options.resample()) {
                problem = pair.pair.input() + ": sample rate mismatch: the DI is at " + pair.di.sampleRate()
                        + " Hz, the model " + model.name + " at " + modelRate + " Hz; use --resample to convert";
            } else if (modelRate != Math.rint(modelRate) || modelRate > Integer.MAX_VALUE) {
                problem = "cannot resample to the rate of the model " + model.name + ", " + modelRate
                        + " Hz: not a whole number of Hz";
            }
            if (problem != null) {
                progress.error(problem);
                add(seq, failure(path, model, pair, problem), pair.seconds());
                return null;
            }
            Job job = new Job(seq, model, pair, db == null ? null
                    : new ScoreKey(model.sha256, pair.inputSha256, pair.targetSha256, options.settings()),
                    (int) modelRate);
            if (alreadyScored(job)) {
                return null;
            }
            if (deferred) {
                synchronized (forFallback) {
                    forFallback.add(job); // rendered when the fallback engine takes it (Job.again)
                }
                return null;
            }
            return job.render();
        }
    }
}
