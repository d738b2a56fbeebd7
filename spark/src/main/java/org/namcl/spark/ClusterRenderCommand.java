package org.namcl.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.namcl.cli.ExitCodes;
import org.namcl.cli.Version;
import org.namcl.render.OutputFolder;
import org.namcl.render.OutputFormat;
import org.namcl.render.ProgressReporter;
import org.namcl.render.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code namcl cluster render}: {@code namcl render} as a Spark job. */
@Command(name = "render",
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Render WAV files through models as a Spark job (the outputs and rules of 'namcl render').",
        description = {
            "Every (model, file) pair is rendered to OUTDIR/<model name>/<relative path>.wav exactly as "
                + "'namcl render' writes it: temporary file renamed into place, resume records, claims. Each Spark "
                + "task loads a model once and renders a share of the inputs; a retried task skips what its "
                + "earlier attempt finished. Paths may be local (file:// or plain, on a cluster a folder every "
                + "executor mounts) or on any file system Hadoop reaches (hdfs://, s3a://...): remote models and "
                + "inputs are copied by the executors, remote outputs written whole. The CPU engine renders with spark.task.cpus threads; a task given a GPU by Spark "
                + "(spark.task.resource.gpu.amount) renders on it.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":Every pair rendered or skipped.",
            ExitCodes.FAILED + ":Some pair failed.",
            ExitCodes.USAGE + ":Invalid command line.",
            ExitCodes.NO_INPUT + ":No WAV files in the inputs given."})
final class ClusterRenderCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private SparkOptions sparkOptions;

    @Mixin
    private ClusterModels models;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "WAV files, or folders to search for them.")
    private List<String> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTDIR",
            description = "Folder to write the outputs into (created if needed).")
    private String outDir;

    @Mixin
    private ClusterEngine engineOptions;

    @Option(names = "--slim", paramLabel = "SIZE", description = "As for 'namcl render'.")
    private Double slim;

    @Option(names = "--format", defaultValue = "f32", paramLabel = "f32|pcm24|pcm16|same",
            description = "As for 'namcl render'. Default: ${DEFAULT-VALUE}.")
    private OutputFormat format;

    @Option(names = "--normalize", paramLabel = "loudness", description = "As for 'namcl render'.")
    private Normalize normalize;

    @Option(names = "--input-gain", defaultValue = "0", paramLabel = "dB", description = "As for 'namcl render'.")
    private double inputGainDb;

    @Option(names = "--output-gain", defaultValue = "0", paramLabel = "dB", description = "As for 'namcl render'.")
    private double outputGainDb;

    @Option(names = "--overwrite", description = "As for 'namcl render'.")
    private boolean overwrite;

    @Option(names = "--tail", description = "As for 'namcl render'.")
    private boolean tail;

    @Option(names = "--tail-seconds", paramLabel = "S", description = "As for 'namcl render'.")
    private Double tailSeconds;

    @Option(names = "--mix", paramLabel = "mono", description = "As for 'namcl render'.")
    private Mix mix;

    @Option(names = "--resample", description = "As for 'namcl render'.")
    private boolean resample;

    @Option(names = {"-q", "--quiet"}, description = "Print errors only.")
    private boolean quiet;

    @Option(names = "--report", paramLabel = "FILE.json",
            description = "As for 'namcl render'; on any file system, written whole.")
    private String reportFile;

    enum Normalize { LOUDNESS }

    enum Mix { MONO }

    @Override
    public Integer call() {
        RenderSettings settings;
        try {
            settings = new RenderSettings(engineOptions.engine, engineOptions.device, slim, format,
                    normalize == Normalize.LOUDNESS, inputGainDb,
                    outputGainDb, overwrite, tail, tailSeconds, mix == Mix.MONO, resample);
            settings.options(engineOptions.device, 1); // validated as namcl render validates them
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        ProgressReporter progress = new ProgressReporter(err, quiet, false);
        try (Sessions sessions = Sessions.open(sparkOptions.master, "namcl render")) {
            ClusterPaths paths = new ClusterPaths(sessions.spark().sparkContext().hadoopConfiguration());
            int partitions;
            FileRef out;
            List<FileRef> modelRefs;
            List<InputRef> files;
            FileRef report;
            try {
                partitions = sparkOptions.partitions(sessions);
                out = paths.ref(outDir);
                report = reportFile == null ? null : paths.ref(reportFile);
                files = ClusterInputs.collect(paths, inputs, out);
                modelRefs = models.collect(paths);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
            RunReport run = new RunReport(Version.get(), spec.commandLine().getParseResult().originalArgs(),
                    settings.options(engineOptions.device, 1));
            if (files.isEmpty()) {
                progress.error("no WAV files found in " + String.join(", ", inputs));
                return ExitCodes.NO_INPUT;
            }
            String problem = out.remote() ? paths.files().prepareFolder(out.path()) : OutputFolder.prepare(out.localPath());
            if (problem != null) {
                progress.error(problem);
                return ExitCodes.FAILED;
            }
            List<String> rows = ClusterRenderJob.run(sessions.spark(), paths, partitions, quiet, settings, modelRefs,
                    files, out, run, err);
            int code = run.count(RunReport.Status.FAILED) > 0 ? ExitCodes.FAILED : ExitCodes.OK;
            try {
                DriverFiles.write(paths.files(), report, run::write);
                if (sparkOptions.results != null) {
                    ResultTables.write(sessions.spark(), rows, sparkOptions.results);
                }
            } catch (IOException e) {
                progress.error(e.getMessage());
                code = ExitCodes.FAILED;
            }
            progress.summary(run);
            return code;
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
