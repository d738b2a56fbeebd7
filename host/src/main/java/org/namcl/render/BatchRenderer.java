package org.namcl.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.namcl.audio.WavFormat;
import org.namcl.audio.WavReader;
import org.namcl.engine.Engine;
import org.namcl.engine.JobOutcome;
import org.namcl.engine.RenderJob;
import org.namcl.engine.SignalSource;
import org.namcl.engine.Support;
import org.namcl.files.OwnedFiles;
import org.namcl.model.ModelException;
import org.namcl.render.RunReport.Status;

/**
 * Renders every (model, file) pair of a batch as jobs on the engine: model by model, each model
 * loaded when its first pair comes up and let go after its last, each pair's output written by
 * its job's sink and put in place when the job is done. A pair that cannot be rendered fails
 * alone, with one line naming the file and the model; a model that cannot be loaded, or an
 * engine that cannot start, is reported once and fails its pairs. An existing output made the way
 * this run would make it is skipped, so an interrupted batch resumes ({@link Resume}); a pair is
 * claimed before it renders, so runs sharing an output folder split the batch. A pair the primary
 * engine fails on is rendered again on the fallback engine (auto: OpenCL first, the CPU standing by).
 */
public final class BatchRenderer {
    private final RenderOptions options;
    private final ProgressReporter progress;
    private final RunReport report;
    /** Starts the engines, given where to send notices; replaced in tests and benchmarks. */
    private final Function<Consumer<String>, EngineSelector> startEngines;
    private final DecodedInputs decoded;

    /**
     * @param options how to render (and which engine, device and threads)
     * @param progress where messages and progress go
     * @param report where each pair's outcome goes
     */
    public BatchRenderer(RenderOptions options, ProgressReporter progress, RunReport report) {
        this(options, progress, report,
                notice -> EngineSelector.select(options.engine(), options.device(), options.threads(), notice));
    }

    /**
     * A renderer on engines the caller starts (tests and benchmarks), instead of those
     * {@code options} name.
     *
     * @param options how to render
     * @param progress where messages and progress go
     * @param report where each pair's outcome goes
     * @param startEngines starts the engines at the start of each run, given where to send notices
     */
    public BatchRenderer(RenderOptions options, ProgressReporter progress, RunReport report,
                         Function<Consumer<String>, EngineSelector> startEngines) {
        this.options = options;
        this.progress = progress;
        this.report = report;
        this.startEngines = startEngines;
        // at the usual 48 kHz, up to 30 s per channel are kept
        this.decoded = new DecodedInputs(DecodedInputs.defaultBytes());
    }

    /**
     * Renders each input through each model into a folder; outcomes go to the report.
     *
     * @param models the {@code .nam} files, each once
     * @param given the inputs, as {@link InputCollector} collects them
     * @param outDir where the outputs go: {@code outDir/<model name>/<relative path>}
     */
    public void run(List<Path> models, List<InputFile> given, Path outDir) {
        run(models, given, Destination.folder(outDir));
    }

    /**
     * Renders each input through each model; outcomes go to the report.
     *
     * @param models the {@code .nam} files, each once
     * @param given the inputs, as {@link InputCollector} collects them
     * @param destination where the outputs go
     */
    public void run(List<Path> models, List<InputFile> given, Destination destination) {
        OutputGuard.Checked checked = OutputGuard.check(destination.modelFolders(models), given);
        List<InputFile> inputs = checked.inputs();
        for (InputFile in : inputs) {
            if (in.problem() != null) {
                progress.error(in.name() + ": " + in.problem());
            }
        }
        EngineSelector engines = null;
        String engineProblem = null;
        // which engine renders matters only once something renders (not when every pair is skipped)
        List<String> engineNotices = new ArrayList<>();
        try {
            engines = startEngines.apply(engineNotices::add);
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
        progress.start(models.size() * inputs.size(), total * models.size());

        try {
            // pairs for the fallback engine: those the primary failed on, and those of models it does not run
            List<Pair> retry = new ArrayList<>();
            Pairs pairs = new Pairs(models, inputs, destination, seconds, engines, retry, engineProblem,
                    engineNotices, new Resume(options.overwrite(), checked.guard(), progress::notice));
            if (engines == null) {
                pairs.forEachRemaining(p -> { });
                return;
            }
            Engine primary = engines.primary();
            Engine fallback = engines.fallback();
            primary.run(jobs(pairs), o -> completed(o, primary, fallback == null ? null : retry));
            if (!retry.isEmpty()) {
                fallback.run(jobs(retry.stream().map(Pair::again).filter(Objects::nonNull).iterator()),
                        o -> completed(o, fallback, null));
            }
        } finally {
            if (engines != null) {
                engines.close();
            }
        }
    }

    private static Iterator<RenderJob> jobs(Iterator<Pair> pairs) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return pairs.hasNext();
            }

            @Override
            public RenderJob next() {
                return pairs.next().job();
            }
        };
    }

    /** What to do when a pair's job ends; {@code retry} collects engine failures for the fallback (or is null). */
    private void completed(JobOutcome outcome, Engine engine, List<Pair> retry) {
        Pair p = (Pair) outcome.job().tag();
        if (outcome instanceof JobOutcome.Done) {
            try {
                PairResult r = p.output.commit(p.inputFrames());
                p.finish();
                if (r.clippedSamples() > 0) {
                    progress.warn(p.output.path() + ": " + r.clippedSamples() + " samples clipped to the "
                            + "PCM range (lower --output-gain, or use --format f32)");
                } else if (r.levels().samplesOverFullScale() > 0) {
                    progress.warn(p.output.path() + ": " + LevelsSummary.overFullScale(r.levels()));
                }
                report.add(p.seq, new RunReport.Pair(p.input.name(), str(p.model.path()), str(p.output.path()),
                        p.plan.replacing() == null ? Status.RENDERED : Status.RERENDERED, p.plan.replacing(),
                        r.frames(), r.channels(), r.sampleRate(), r.seconds(), p.wall(), engine.name(),
                        r.clippedSamples(), r.levels(), null));
                progress.pairDone(p.remaining());
            } catch (IOException | RuntimeException e) {
                fail(p, engine, Problems.describe(e));
            }
            return;
        }
        JobOutcome.Failed f = (JobOutcome.Failed) outcome;
        p.close();
        String problem = withoutPrefix(Problems.describe(f.cause()), p.input.path());
        if (f.fault() == JobOutcome.Fault.ENGINE && retry != null) {
            progress.notice(engine.name() + " failed on " + p.name() + " (" + problem + "); rendering it on the CPU");
            progress.retract(p.advanced());
            synchronized (retry) {
                retry.add(p);
            }
            return;
        }
        fail(p, engine, problem);
    }

    /** Reports a pair as failed; {@code engine} is null when it failed before reaching one. */
    private void fail(Pair p, Engine engine, String problem) {
        p.finish();
        pairError(p.name() + ": " + problem);
        report.add(p.seq, new RunReport.Pair(p.input.name(), str(p.model.path()), str(p.outputPath),
                Status.FAILED, null, null, null, null, null, p.wall(), engine == null ? null : engine.name(), null,
                null, problem));
        progress.pairDone(p.remaining());
    }

    /** A pair's error line; none once namcl is stopping, when every pair under way fails for that alone. */
    private void pairError(String line) {
        if (!OwnedFiles.process().stopping()) {
            progress.error(line);
        }
    }

    /**
     * The pairs to render, model by model, made as the engine asks for them: a model is loaded
     * when its first pair comes up, and pairs that need no rendering (skipped, or failed before
     * rendering) are reported on the way.
     */
    private final class Pairs implements Iterator<Pair> {
        private final List<Path> models;
        private final List<InputFile> inputs;
        private final Destination destination;
        private final double[] seconds;
        private final EngineSelector engines;
        private final List<Pair> forFallback;
        private final String engineProblem;
        private final Resume resume;
        /** The engine choice's notices, said when the first pair renders. */
        private final List<String> engineNotices;
        private int modelIndex;
        private int inputIndex;
        private LoadedModel model;
        private String modelProblem;
        /** Whether the model's pairs go to the fallback engine (the primary does not run it). */
        private boolean deferred;
        private Pair ready;

        Pairs(List<Path> models, List<InputFile> inputs, Destination destination, double[] seconds,
              EngineSelector engines, List<Pair> forFallback, String engineProblem, List<String> engineNotices, Resume resume) {
            this.resume = resume;
            this.engineNotices = engineNotices;
            this.engines = engines;
            this.forFallback = forFallback;
            this.models = models;
            this.inputs = inputs;
            this.destination = destination;
            this.seconds = seconds;
            this.engineProblem = engineProblem;
        }

        @Override
        public boolean hasNext() {
            if (OwnedFiles.process().stopping()) {
                return false; // a signal: no more work
            }
            while (ready == null && modelIndex < models.size()) {
                if (inputIndex == inputs.size()) {
                    modelIndex++;
                    inputIndex = 0;
                    model = null; // let go of it: its jobs hold it while they run
                    modelProblem = null;
                    continue;
                }
                if (inputIndex == 0) {
                    load(models.get(modelIndex));
                }
                ready = prepare(modelIndex * (long) inputs.size() + inputIndex, inputs.get(inputIndex),
                        seconds[inputIndex]);
                inputIndex++;
            }
            return ready != null;
        }

        @Override
        public Pair next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Pair p = ready;
            ready = null;
            return p;
        }

        private void load(Path path) {
            model = null;
            deferred = false;
            modelProblem = engineProblem;
            if (modelProblem != null) {
                return;
            }
            try {
                model = LoadedModel.load(path, options, progress::warn);
                Support support = engines.primary().supports(model.net());
                deferred = !support.supported() && engines.fallback() != null
                        && engines.fallback().supports(model.net()).supported();
                if (deferred) {
                    progress.notice(path + ": " + support.problem() + "; rendering it on the "
                            + engines.fallback().name() + " engine");
                } else if (!support.supported()) {
                    throw new ModelException(path + ": " + support.problem());
                }
            } catch (ModelException | OutOfMemoryError e) {
                modelProblem = e instanceof ModelException ? Problems.describe(e) : path + ": " + Problems.describe(e);
                progress.error(modelProblem + (inputs.isEmpty() ? "" : " (skipping its " + inputs.size()
                        + (inputs.size() == 1 ? " file)" : " files)")));
            }
        }

        /** The pair to render, or null when it is reported already (skipped, or failed before rendering). */
        private Pair prepare(long seq, InputFile in, double secs) {
            Path modelPath = models.get(modelIndex);
            String problem = in.problem() != null ? in.problem() : modelProblem;
            if (problem != null) {
                report.add(seq, new RunReport.Pair(in.name(), str(modelPath), null, Status.FAILED, null, null,
                        null, null, null, null, null, null, null, problem));
                progress.pairDone(secs);
                return null;
            }
            long started = System.nanoTime();
            Path output = null;
            Resume.Plan plan;
            try {
                output = destination.output(model.name(), in);
                OutputRecord record = OutputRecord.of(report.version(), model.sha256(), options,
                        in.stream() == null ? in.path() : null);
                plan = destination.resumable() ? resume.plan(output, record) : Resume.Plan.render(record);
            } catch (IOException | RuntimeException e) {
                String why = withoutPrefix(Problems.describe(e), in.path());
                pairError(in.name() + " (model " + model.name() + "): " + why);
                report.add(seq, new RunReport.Pair(in.name(), str(modelPath), str(output), Status.FAILED, null,
                        null, null, null, null, (System.nanoTime() - started) * 1e-9, null, null, null,
                        why));
                progress.pairDone(secs);
                return null;
            }
            if (plan.status() != null) {
                if (plan.status() == Status.FAILED) {
                    progress.error(in.name() + " (model " + model.name() + "): " + plan.reason());
                }
                report.add(seq, new RunReport.Pair(in.name(), str(modelPath), str(output), plan.status(),
                        plan.status() == Status.FAILED ? null : plan.reason(), null, null, null, null, null, null,
                        null, null, plan.status() == Status.FAILED ? plan.reason() : null));
                progress.pairDone(secs);
                return null;
            }
            if (plan.replacing() != null) {
                progress.rerendering(output.toString(), plan.replacing());
            }
            Pair p = new Pair(seq, in, model, output, destination, secs, plan);
            engineNotices.forEach(progress::notice);
            engineNotices.clear();
            if (deferred) {
                synchronized (forFallback) {
                    forFallback.add(p); // opened when the fallback engine takes it (Pair.again)
                }
                return null;
            }
            try {
                p.open();
                return p;
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                fail(p, null, withoutPrefix(Problems.describe(e), in.path()));
                return null;
            }
        }
    }

    /** One (model, file) pair: its job's source and sink, and what the report needs of it. */
    private final class Pair {
        final long seq;
        final InputFile input;
        final LoadedModel model;
        final Path outputPath;
        final Destination destination;
        final double seconds;
        /** What to write and which claim it holds while rendering. */
        final Resume.Plan plan;
        final long started = System.nanoTime();
        ModelOutput output;
        SignalSource source;
        /** The file being decoded, or null when the input comes from memory. */
        InputSource decoding;
        /** The input's frames; -1 for a stream until it has ended. */
        long frames;
        /** Frames of silence after the input. */
        long tail;
        /** The reader of a stream, or null. */
        WavReader streamed;
        /** The source as the progress line counts it, once open. */
        ProgressSource counted;

        Pair(long seq, InputFile input, LoadedModel model, Path outputPath, Destination destination, double seconds,
             Resume.Plan plan) {
            this.destination = destination;
            this.plan = plan;
            this.seq = seq;
            this.input = input;
            this.model = model;
            this.outputPath = outputPath;
            this.seconds = seconds;
        }

        /** Reads the file's header and makes the source and sink. */
        void open() throws IOException {
            WavReader reader = input.open();
            try {
                WavFormat in = reader.format();
                ChannelLimit.check(in.channels(), options.mixMono());
                int modelRate = modelRate(in.sampleRate());
                frames = reader.frames();
                tail = TailLength.frames(options, model.net(), in.sampleRate(), modelRate);
                WavFormat out = new WavFormat(options.mixMono() ? 1 : in.channels(), in.sampleRate(),
                        options.format().encodingFor(in.encoding()));
                output = new ModelOutput(outputPath, destination, out,
                        RenderOptions.linear(options.outputGainDb() + model.normalizationDb()), modelRate,
                        frames < 0 ? -1 : frames + tail, plan.record().chunk());
                DecodedInputs.Key key = new DecodedInputs.Key(input.path().toAbsolutePath(), modelRate, tail);
                float[][] kept = input.stream() == null ? decoded.get(key) : null;
                if (kept != null) {
                    reader.close();
                    source = DecodedInputs.replay(kept);
                } else {
                    ModelInput heard = new ModelInput(reader, options.mixMono(),
                            RenderOptions.linear(options.inputGainDb()), tail, modelRate);
                    // a stream is read once, as it arrives: nothing of it is kept
                    streamed = input.stream() != null ? reader : null;
                    decoding = streamed != null ? heard : decoded.keeping(key, heard);
                    source = decoding;
                }
                counted = progress.counting(source, modelRate, seconds, model.name(), input.name());
                source = counted;
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                reader.close();
                throw e;
            }
        }

        /**
         * A new attempt (on the fallback engine) with a fresh source and sink, holding the claim;
         * null (reported) if it cannot open.
         */
        Pair again() {
            Pair p = new Pair(seq, input, model, outputPath, destination, seconds, plan);
            try {
                p.open();
                return p;
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                fail(p, null, withoutPrefix(Problems.describe(e), input.path()));
                return null;
            }
        }

        /** Done with the pair: its files closed and its claim given up. */
        void finish() {
            close();
            plan.release(progress::warn);
        }

        /** Done with this attempt's files: the input closed, an uncommitted output's temporary file removed. */
        void close() {
            if (output != null) {
                output.abandon();
            }
            if (decoding != null) {
                try {
                    decoding.close();
                } catch (IOException e) {
                    // only read from: nothing is lost
                }
            }
        }

        RenderJob job() {
            return new RenderJob(model.net(), source, output, this);
        }

        /** The input's frames: a stream's (and its output's length) are known once it has ended. */
        long inputFrames() {
            if (frames < 0) {
                frames = streamed.position();
                output.length(frames + tail);
            }
            return frames;
        }

        /** Input seconds reported to the progress line so far. */
        double advanced() {
            return counted == null ? 0 : counted.advanced();
        }

        /** Input seconds of the pair the progress line has not counted yet. */
        double remaining() {
            return counted == null ? seconds : counted.remaining();
        }

        /** The rate the model runs at for a file at {@code fileRate}, or why the pair cannot render. */
        private int modelRate(int fileRate) {
            double rate = model.net().sampleRate();
            if (rate == fileRate) {
                return fileRate;
            }
            if (!options.resample()) {
                throw new RenderException("the file's sample rate (" + fileRate + " Hz) differs from the model's ("
                        + LoadedModel.rate(rate) + "); use --resample to convert");
            }
            if (rate != Math.rint(rate) || rate > Integer.MAX_VALUE) {
                throw new RenderException("cannot resample to the model's rate of " + LoadedModel.rate(rate)
                        + ": not a whole number of Hz");
            }
            return (int) rate;
        }

        Double wall() {
            return (System.nanoTime() - started) * 1e-9;
        }

        String name() {
            return input.name() + " (model " + model.name() + ")";
        }
    }

    /** Messages about the input often start with its path; the error line names it already. */
    private static String withoutPrefix(String message, Path input) {
        String prefix = input + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** Input lengths from the WAV headers, for the progress line's ETA; 0 where unreadable. */
    private static double[] durations(List<InputFile> inputs) {
        return inputs.stream().mapToDouble(InputFile::seconds).toArray();
    }

    private static String str(Path p) {
        return p == null ? null : p.toString();
    }
}
