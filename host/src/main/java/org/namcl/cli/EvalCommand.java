package org.namcl.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.namcl.eval.EvalOptions;
import org.namcl.eval.EvalPair;
import org.namcl.eval.EvalReports;
import org.namcl.eval.EvalResult;
import org.namcl.eval.EvalRun;
import org.namcl.eval.Evaluator;
import org.namcl.eval.Latency;
import org.namcl.eval.PairCollector;
import org.namcl.eval.Ranking;
import org.namcl.eval.ResultsDatabase;
import org.namcl.eval.ResultTable;
import org.namcl.eval.Segment;
import org.namcl.render.ProgressReporter;
import org.namcl.render.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code namcl eval}: every model over each DI, compared with the recorded target, ranked. */
@Command(name = "eval",
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Score models against recorded targets: render each DI, compare with its target, rank.",
        description = {
            "Every model is rendered over every DI and compared with the target recorded from it, after "
                + "aligning the two (the target lags the DI by the interface's latency). The table on stdout "
                + "ranks the models best first by ESR = mean((output - target)^2) / mean(target^2), as NAM's "
                + "trainer computes it. A pair or model that cannot be scored is reported and the rest go on.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":Every (model, pair) scored.",
            ExitCodes.FAILED + ":Some (model, pair) could not be scored, or a report could not be written.",
            ExitCodes.USAGE + ":Invalid command line."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  Rank every capture of a folder against one reamp:",
            "    namcl eval -m captures/ --input di.wav --target reamp.wav",
            "  Folders of DIs and targets matched by relative path, with reports:",
            "    namcl eval -m amp.nam --input dis/ --target reamps/ --report eval.json --csv eval.csv"})
final class EvalCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOptions models;

    @Option(names = "--input", paramLabel = "DI.wav|FOLDER",
            description = "The DI file, or a folder of DI files (searched recursively).")
    private Path input;

    @Option(names = "--target", paramLabel = "TARGET.wav|FOLDER",
            description = "The target recorded from the DI, or (for a folder of DIs) the folder of targets, "
                    + "matched by path relative to the DI folder.")
    private Path target;

    @Option(names = "--pairs", paramLabel = "FILE.csv",
            description = "A CSV file of input,target rows (relative paths from the file's folder), instead of "
                    + "--input and --target.")
    private Path pairsFile;

    @Mixin
    private EngineOptions engineOptions;

    @Mixin
    private ThreadsOption threadsOption;

    @Option(names = "--latency", defaultValue = "auto", paramLabel = "auto|N",
            description = "Samples the target lags the DI by. auto: found for each pair by cross-correlating "
                    + "the model's output with the target within +-50 ms. Default: ${DEFAULT-VALUE}.")
    private String latency;

    @Option(names = "--segment", defaultValue = "all", paramLabel = "all|validation|START:END",
            description = "The part of the DI compared: all of it, the trainer's validation split (NAM v3 "
                    + "inputs), or a range in samples (48000:96000) or seconds (1s:2.5s). Default: ${DEFAULT-VALUE}.")
    private String segment;

    @Option(names = "--nam-v3",
            description = "Take every DI as laid out like NAM's v3 training input (one with its MD5 is recognised "
                    + "without this): the latency from the trainer's blips (for auto), and the validation ESR "
                    + "over the trainer's validation split, the last 432,000 samples.")
    private boolean namV3;

    @Option(names = "--resample",
            description = "Convert a target whose rate differs from its DI's to the DI's rate, and a DI whose rate "
                    + "differs from a model's to the model's rate (its output back). Without it such pairs fail.")
    private boolean resample;

    @Mixin
    private SlimOption slimOption;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Also write every metric as JSON.")
    private Path reportFile;

    @Option(names = "--csv", paramLabel = "FILE.csv", description = "Also write every metric as CSV.")
    private Path csvFile;

    @Option(names = "--html", paramLabel = "FILE.html",
            description = "Also write a self-contained HTML report: the ranking as a chart and, per model, its "
                    + "output against the target (waveforms, spectra, error over time).")
    private Path htmlFile;

    @Option(names = "--db", paramLabel = "FILE.db",
            description = "Keep every score in this SQLite results database (created if absent), one row per "
                    + "(model, DI, target, settings) by their SHA-256: pairs scored there already are not scored "
                    + "again, so an interrupted run resumes. 'namcl report FILE.db' rebuilds the reports.")
    private Path dbFile;

    @Option(names = {"-q", "--quiet"}, description = "Print errors and the table only.")
    private boolean quiet;

    @Override
    public Integer call() {
        EvalOptions options = options();
        List<Path> modelPaths = models();
        List<EvalPair> pairs = pairs();
        ProgressReporter progress = new ProgressReporter(spec.commandLine().getErr(), quiet, Terminal.stderrIsTerminal());
        String started = OffsetDateTime.now().toString();
        List<EvalResult> ranked;
        Evaluator evaluator;
        try (ResultsDatabase db = dbFile == null ? null : ResultsDatabase.open(dbFile)) {
            Evaluator running = new Evaluator(options, progress, db, htmlFile != null);
            evaluator = running;
            try (InterruptSummary interrupted = InterruptSummary.install(progress,
                    () -> {
                        Evaluator.SoFar soFar = running.soFar();
                        printResults(Ranking.rank(soFar.results()), progress, soFar.fromDatabase());
                    })) {
                ranked = Ranking.rank(evaluator.run(modelPaths, pairs));
            }
        } catch (SQLException e) {
            progress.error("cannot use the results database " + dbFile + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
        if (evaluator.fromDatabase() > 0) {
            progress.notice(evaluator.fromDatabase() + " of the results were in the results database " + dbFile
                    + " already");
        }
        EvalRun run = new EvalRun(Version.get(), started, evaluator.engineDescription(),
                spec.commandLine().getParseResult().originalArgs(), options.settings(), ranked);
        boolean failed = ranked.stream().anyMatch(EvalResult::failed);
        try {
            EvalReports.writeAll(run, reportFile, csvFile, htmlFile);
        } catch (IOException e) {
            progress.error(e.getMessage());
            failed = true;
        }
        progress.summary(() -> printResults(ranked, progress, evaluator.fromDatabase()));
        return failed ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /** The table on stdout, and how many scored. */
    private void printResults(List<EvalResult> ranked, ProgressReporter progress, int fromDatabase) {
        progress.clear();
        ResultTable.print(ranked, spec.commandLine().getOut());
        progress.notice(ResultTable.summary(ranked, fromDatabase));
    }

    private EvalOptions options() {
        try {
            return new EvalOptions(engineOptions.engine, engineOptions.device, threadsOption.threads,
                    slimOption.slim, Latency.parse(latency), Segment.parse(segment), namV3,
                    resample);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private List<Path> models() {
        try {
            return models.collect(List.of());
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private List<EvalPair> pairs() {
        if (pairsFile != null && (input != null || target != null)) {
            throw usage("give either --pairs or --input and --target, not both");
        }
        if (pairsFile == null && (input == null || target == null)) {
            throw usage("give the DI with --input and its recorded target with --target (or a list of pairs "
                    + "with --pairs FILE.csv)");
        }
        try {
            return pairsFile != null ? PairCollector.fromCsv(pairsFile) : PairCollector.fromPaths(input, target);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
