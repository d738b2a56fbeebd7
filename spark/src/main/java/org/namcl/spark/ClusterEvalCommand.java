package org.namcl.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import org.namcl.cli.ExitCodes;
import org.namcl.cli.Version;
import org.namcl.eval.EvalReports;
import org.namcl.eval.EvalResult;
import org.namcl.eval.EvalRun;
import org.namcl.eval.HtmlReport;
import org.namcl.eval.ResultsDatabase;
import org.namcl.eval.Ranking;
import org.namcl.eval.ResultTable;
import org.namcl.render.ProgressReporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code namcl cluster eval}: {@code namcl eval} as a Spark job. */
@Command(name = "eval",
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Score models against recorded targets as a Spark job (the metrics and reports of 'namcl eval').",
        description = {
            "Every model is scored on every (DI, target) pair exactly as 'namcl eval' scores it; each Spark task "
                + "loads a model once and scores it on a share of the pairs. The ranking is printed and the "
                + "reports written on the driver. Paths may be local (file:// or plain, on a cluster a folder every "
                + "executor mounts) or on any file system Hadoop reaches (hdfs://, s3a://...), copied by the "
                + "executors. With --db, the driver reads which results the database has, the tasks score only "
                + "the others, and the driver stores them.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":Every (model, pair) scored.",
            ExitCodes.FAILED + ":Some (model, pair) could not be scored, or a report could not be written.",
            ExitCodes.USAGE + ":Invalid command line."})
final class ClusterEvalCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private SparkOptions sparkOptions;

    @Mixin
    private ClusterModels models;

    @Option(names = "--input", paramLabel = "DI.wav|FOLDER", description = "As for 'namcl eval'.")
    private String input;

    @Option(names = "--target", paramLabel = "TARGET.wav|FOLDER", description = "As for 'namcl eval'.")
    private String target;

    @Option(names = "--pairs", paramLabel = "FILE.csv", description = "As for 'namcl eval'.")
    private String pairsFile;

    @Mixin
    private ClusterEngine engineOptions;

    @Option(names = "--latency", defaultValue = "auto", paramLabel = "auto|N",
            description = "As for 'namcl eval'. Default: ${DEFAULT-VALUE}.")
    private String latency;

    @Option(names = "--segment", defaultValue = "all", paramLabel = "all|validation|START:END",
            description = "As for 'namcl eval'. Default: ${DEFAULT-VALUE}.")
    private String segment;

    @Option(names = "--nam-v3", description = "As for 'namcl eval'.")
    private boolean namV3;

    @Option(names = "--resample", description = "As for 'namcl eval'.")
    private boolean resample;

    @Option(names = "--slim", paramLabel = "SIZE", description = "As for 'namcl eval'.")
    private Double slim;

    @Option(names = "--report", paramLabel = "FILE.json",
            description = "As for 'namcl eval'; on any file system, written whole.")
    private String reportFile;

    @Option(names = "--csv", paramLabel = "FILE.csv",
            description = "As for 'namcl eval'; on any file system, written whole.")
    private String csvFile;

    @Option(names = "--html", paramLabel = "FILE.html",
            description = "As for 'namcl eval': the same page; on any file system, written whole.")
    private String htmlFile;

    @Option(names = "--db", paramLabel = "FILE.db",
            description = "As for 'namcl eval': an SQLite results database on the driver's disk (a local file); "
                    + "results it has are not scored again.")
    private String dbFile;

    @Option(names = {"-q", "--quiet"}, description = "Print errors and the table only.")
    private boolean quiet;

    @Override
    public Integer call() {
        EvalSettings settings = new EvalSettings(engineOptions.engine, engineOptions.device, slim, latency, segment,
                namV3, resample,
                htmlFile != null || dbFile != null); // the database keeps the charts, as namcl eval's does
        ProgressReporter progress = new ProgressReporter(spec.commandLine().getErr(), quiet, false);
        String started = OffsetDateTime.now().toString();
        try (Sessions sessions = Sessions.open(sparkOptions.master, "namcl eval")) {
            ClusterPaths paths = new ClusterPaths(sessions.spark().sparkContext().hadoopConfiguration());
            int partitions;
            List<FileRef> modelRefs;
            List<EvalPairRef> pairs;
            FileRef json;
            FileRef csv;
            FileRef html;
            Path db = null;
            try {
                settings.options(engineOptions.device, 1); // validated as namcl eval validates them
                partitions = sparkOptions.partitions(sessions);
                json = reportFile == null ? null : paths.ref(reportFile);
                csv = csvFile == null ? null : paths.ref(csvFile);
                html = htmlFile == null ? null : paths.ref(htmlFile);
                if (dbFile != null) {
                    db = database(paths);
                }
                modelRefs = models.collect(paths);
                pairs = pairs(new ClusterPairs(paths));
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
            ClusterEvalJob.Scored scored;
            try (ResultsDatabase results = db == null ? null : ResultsDatabase.open(db)) {
                scored = ClusterEvalJob.run(sessions.spark(), paths, partitions, quiet, settings, modelRefs, pairs,
                        results, progress, spec.commandLine().getErr());
            } catch (SQLException e) {
                progress.error("cannot use the results database " + dbFile + ": " + e.getMessage());
                return ExitCodes.FAILED;
            }
            if (scored.fromDatabase() > 0) {
                progress.notice(scored.fromDatabase() + " of the results were in the results database " + dbFile
                        + " already");
            }
            List<EvalResult> ranked = Ranking.rank(scored.results());
            ResultTable.print(ranked, spec.commandLine().getOut());
            EvalRun run = new EvalRun(Version.get(), started, scored.engine(),
                    spec.commandLine().getParseResult().originalArgs(),
                    settings.options(engineOptions.device, 1).settings(), ranked);
            boolean failed = ranked.stream().anyMatch(EvalResult::failed);
            try {
                DriverFiles.write(paths.files(), json, f -> EvalReports.writeJson(run, f));
                DriverFiles.write(paths.files(), csv, f -> EvalReports.writeCsv(run, f));
                DriverFiles.write(paths.files(), html, f -> HtmlReport.write(run, f));
                if (sparkOptions.results != null) {
                    ResultTables.write(sessions.spark(), ranked.stream().map(ClusterEvalJob::row).toList(),
                            sparkOptions.results);
                }
            } catch (IOException e) {
                progress.error(e.getMessage());
                failed = true;
            }
            progress.notice(ResultTable.summary(ranked, scored.fromDatabase()));
            return failed ? ExitCodes.FAILED : ExitCodes.OK;
        }
    }

    /** The database's local path; a usage error for a remote one (SQLite opens a local file only). */
    private Path database(ClusterPaths paths) {
        if (!paths.isLocal(dbFile)) {
            throw usage("--db " + dbFile + ": the results database is an SQLite file, which must be on the "
                    + "driver's disk: give a local path (file:// or a plain path on a local default file system)");
        }
        return paths.local(dbFile);
    }

    /** The pairs, as {@code namcl eval} takes them. */
    private List<EvalPairRef> pairs(ClusterPairs found) {
        if (pairsFile != null && (input != null || target != null)) {
            throw usage("give either --pairs or --input and --target, not both");
        }
        if (pairsFile == null && (input == null || target == null)) {
            throw usage("give the DI with --input and its recorded target with --target (or a list of pairs "
                    + "with --pairs FILE.csv)");
        }
        return pairsFile != null ? found.fromCsv(pairsFile) : found.fromPaths(input, target);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
