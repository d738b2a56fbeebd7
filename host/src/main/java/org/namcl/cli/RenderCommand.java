package org.namcl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.namcl.render.BatchRenderer;
import org.namcl.render.Destination;
import org.namcl.render.EngineChoice;
import org.namcl.render.InputCollector;
import org.namcl.render.InputFile;
import org.namcl.render.OutputFolder;
import org.namcl.render.OutputFormat;
import org.namcl.render.ProgressReporter;
import org.namcl.render.Terminal;
import org.namcl.render.RenderOptions;
import org.namcl.render.RunReport;
import org.namcl.render.StandardInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code namcl render}: every input file through every model, into an output folder. */
@Command(name = "render",
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Render WAV files (or folders of them) through one or more models.",
        description = {
            "Every (model, file) pair is rendered to OUTDIR/<model name>/<path relative to the folder "
                + "given, or the file name for a file given>.wav, where the model name is the .nam file's "
                + "name without .nam. Folders are searched recursively for files ending in .wav (any case; "
                + "hidden files and the output folder are skipped).",
            "",
            "The output has the input's length, sample rate and channels: each channel goes through its own "
                + "stream of the model, starting from silence. Outputs appear only when complete, so an "
                + "interrupted batch leaves no partial file, and running it again skips the outputs made the "
                + "same way (each output records its model, options and namcl version; one made otherwise is "
                + "rendered again). Runs sharing an output folder split the work. A file "
                + "that cannot be rendered is reported and the batch goes on.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":Every pair rendered (or skipped: its output was up to date; or left to another run "
                + "rendering it).",
            ExitCodes.FAILED + ":Some pair failed, or the output folder cannot be written.",
            ExitCodes.USAGE + ":Invalid command line.",
            ExitCodes.NO_INPUT + ":No WAV files in the inputs given."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  Render a folder of DI takes through a model, keeping the folder structure:",
            "    namcl render -m amp.nam takes/ -o rendered/",
            "  Every model under a folder, and those a list names (one path per line):",
            "    namcl render -m captures/ --models-from favourites.txt takes/ -o rendered/",
            "  Two models, 24-bit PCM, each model brought to -18 dB, a report for scripts:",
            "    namcl render -m amp.nam -m pedal.nam di.wav -o out/ \\",
            "      --format pcm24 --normalize loudness --report run.json",
            "  A 44.1 kHz file through a 48 kHz model, with the tail that rings past the end:",
            "    namcl render -m amp.nam take44k.wav --resample --tail -o out/"})
final class RenderCommand implements Callable<Integer> {

    /** Ways of normalizing; one so far. */
    enum Normalize { LOUDNESS }

    /** Channel mixes; one so far. */
    enum Mix { MONO }

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOptions models;

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "WAV files, or folders to search (recursively) for WAV files; - reads one WAV file from "
                    + "standard input (its output is named stdin.wav in a folder); with one model and -o -, it is "
                    + "rendered as it arrives, on the CPU engine (unless --resample or an OpenCL --device: then it is "
                    + "read whole first).")
    private List<Path> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTDIR",
            description = "Folder to write the outputs into (created if needed). With one model and one input "
                    + "file, a name ending in .wav that is not a folder is the output file itself, and - writes "
                    + "the output to standard output as it renders (a WAV stream of unknown length, as sox writes "
                    + "one to a pipe).")
    private Path outDir;

    @Mixin
    private EngineOptions engineOptions;

    @Mixin
    private ThreadsOption threadsOption;

    @Mixin
    private SlimOption slimOption;

    @Option(names = "--format", defaultValue = "f32", paramLabel = "f32|pcm24|pcm16|same",
            description = "Output encoding: 32-bit float, 24- or 16-bit PCM (clipped samples are counted "
                    + "and reported), or the input's own. Default: ${DEFAULT-VALUE}.")
    private OutputFormat format;

    @Option(names = "--normalize", paramLabel = "loudness",
            description = "loudness: scale each model's output to -18 dB using the loudness in its "
                    + "metadata (a model without one is rendered as is, with a warning).")
    private Normalize normalize;

    @Option(names = "--input-gain", defaultValue = "0", paramLabel = "dB",
            description = "Gain applied to the input before the model. Default: ${DEFAULT-VALUE} dB.")
    private double inputGainDb;

    @Option(names = "--output-gain", defaultValue = "0", paramLabel = "dB",
            description = "Gain applied to the model's output (after --normalize). Default: ${DEFAULT-VALUE} dB.")
    private double outputGainDb;

    @Option(names = "--overwrite",
            description = "Render every pair again, replacing outputs that exist (default: skip those made the "
                    + "same way, so an interrupted batch resumes; render again those made another way; leave a file "
                    + "namcl did not write as it is, reported as failed).")
    private boolean overwrite;

    @Option(names = "--tail",
            description = "Render the model's receptive field (RF samples) of silence after the input, "
                    + "so reverb-like tails are not cut; for a model without one (an LSTM) "
                    + RenderOptions.DEFAULT_TAIL_SECONDS + " s. Default: output length = input length.")
    private boolean tail;

    @Option(names = "--tail-seconds", paramLabel = "S",
            description = "Like --tail, but S seconds of silence for every model.")
    private Double tailSeconds;

    @Option(names = "--mix", paramLabel = "mono",
            description = "mono: downmix the channels (their average) and render one channel. Default: each "
                    + "channel rendered on its own.")
    private Mix mix;

    @Option(names = "--resample",
            description = "Convert files whose sample rate differs from the model's to the model's rate and "
                    + "the output back (output rate = input rate). Without it such pairs fail.")
    private boolean resample;

    @Option(names = {"-q", "--quiet"},
            description = "Print errors only: no notices, warnings, progress or summary.")
    private boolean quiet;

    @Option(names = "--report", paramLabel = "FILE.json",
            description = "Also write what happened to each pair (paths, lengths, times, engine, status, "
                    + "errors) as JSON; - prints it to standard output.")
    private Path reportFile;

    @Override
    public Integer call() {
        if (StandardStreams.dashes(inputs) > 1) {
            throw usage("- (standard input) is given as an input more than once");
        }
        if (StandardStreams.isDash(outDir) && StandardStreams.isDash(reportFile)) {
            throw usage("-o - and --report - both write to standard output; write the report to a file");
        }
        List<Path> distinctModels = models();
        if (StandardStreams.dashes(inputs) == 0) {
            return render(null, distinctModels, engineOptions.engine);
        }
        if (streamsStdin(distinctModels)) {
            return render(StandardInput.stream(System.in), distinctModels, EngineChoice.CPU);
        }
        try (StandardInput stdin = StandardInput.read(System.in)) {
            return render(stdin, distinctModels, engineOptions.engine);
        } catch (IOException e) {
            spec.commandLine().getErr().println("namcl: error: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    /**
     * Whether standard input is rendered as it arrives: one model, the one input -, -o -, no
     * --resample (an output of unknown length is not resampled back), on the CPU engine (the
     * default engine's choice then, unless --device names an OpenCL device: the CPU engine renders
     * each block as it is read). Otherwise it is copied whole first.
     */
    private boolean streamsStdin(List<Path> distinctModels) {
        return inputs.size() == 1 && StandardStreams.isDash(inputs.get(0)) && StandardStreams.isDash(outDir)
                && distinctModels.size() == 1 && !resample && (engineOptions.engine == EngineChoice.CPU
                || engineOptions.engine == EngineChoice.AUTO && engineOptions.device == null);
    }

    private int render(StandardInput stdin, List<Path> distinctModels, EngineChoice engine) {
        RenderOptions options = options(engine);
        ProgressReporter progress = new ProgressReporter(spec.commandLine().getErr(), quiet,
                Terminal.stderrIsTerminal());
        if (engineOptions.device != null && engineOptions.engine == EngineChoice.CPU) {
            progress.warn("--device is ignored with --engine cpu");
        }
        RunReport report = new RunReport(Version.get(), spec.commandLine().getParseResult().originalArgs(), options);
        List<InputFile> files = InputCollector.collect(inputs, StandardStreams.isDash(outDir) ? null : outDir,
                stdin == null ? null : stdin.input());
        if (files.isEmpty()) {
            progress.error("no WAV files found in "
                    + inputs.stream().map(Path::toString).collect(Collectors.joining(", ")));
            return writeReport(report, progress, ExitCodes.NO_INPUT);
        }
        Destination destination = destination(distinctModels, files);
        String outProblem = destination instanceof Destination.Stream ? null : OutputFolder.prepare(
                destination instanceof Destination.File ? outDir.toAbsolutePath().getParent() : outDir);
        if (outProblem != null) {
            progress.error(outProblem);
            return writeReport(report, progress, ExitCodes.FAILED);
        }
        try (InterruptSummary interrupted = InterruptSummary.install(progress, report)) {
            new BatchRenderer(options, progress, report).run(distinctModels, files, destination);
            int code = writeReport(report, progress,
                    report.count(RunReport.Status.FAILED) > 0 ? ExitCodes.FAILED : ExitCodes.OK);
            progress.summary(report);
            return code;
        }
    }

    /** Writes the report when one is asked for, whatever happened; {@code code}, or FAILED if it cannot. */
    private int writeReport(RunReport report, ProgressReporter progress, int code) {
        if (reportFile == null) {
            return code;
        }
        try {
            if (StandardStreams.isDash(reportFile)) {
                spec.commandLine().getOut().println(report.json());
                spec.commandLine().getOut().flush();
            } else {
                report.write(reportFile);
            }
            return code;
        } catch (IOException e) {
            progress.error(e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    private RenderOptions options(EngineChoice engine) {
        try {
            return RenderOptions.builder().engine(engine).device(engineOptions.device)
                    .threads(threadsOption.threads)
                    .slim(slimOption.slim).format(format)
                    .normalize(normalize == Normalize.LOUDNESS).inputGainDb(inputGainDb).outputGainDb(outputGainDb)
                    .overwrite(overwrite).tail(tail).tailSeconds(tailSeconds).mixMono(mix == Mix.MONO)
                    .resample(resample).build();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** The models of -m and --models-from, each once; a model among the inputs is a usage error. */
    private List<Path> models() {
        try {
            return models.collect(inputs);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /**
     * Where -o leads: the file it names when it ends in .wav and is not a folder (then the run must
     * be one pair: a usage error otherwise), else the output folder.
     */
    private Destination destination(List<Path> distinctModels, List<InputFile> files) {
        if (StandardStreams.isDash(outDir)) {
            onePair(distinctModels, files, "writes one WAV stream to standard output");
            return Destination.stream(StandardStreams.takeStdout());
        }
        boolean namesFile = outDir.toString().toLowerCase(Locale.ROOT).endsWith(".wav") && !Files.isDirectory(outDir);
        if (!namesFile) {
            return Destination.folder(outDir);
        }
        onePair(distinctModels, files, "names one output file");
        return Destination.file(outDir);
    }

    /** A usage error unless the run is one model and one input, as {@code -o} (which {@code does}) needs. */
    private void onePair(List<Path> distinctModels, List<InputFile> files, String does) {
        if (distinctModels.size() != 1 || files.size() != 1) {
            throw usage("-o " + outDir + " " + does + ", but there are " + distinctModels.size()
                    + (distinctModels.size() == 1 ? " model" : " models") + " and " + files.size()
                    + (files.size() == 1 ? " input file" : " input files") + "; give one of each, or an output folder");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
