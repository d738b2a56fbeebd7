package org.namcl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import org.namcl.eval.EvalReports;
import org.namcl.eval.EvalResult;
import org.namcl.eval.EvalRun;
import org.namcl.eval.Ranking;
import org.namcl.eval.ResultTable;
import org.namcl.eval.ResultsDatabase;
import org.namcl.render.ProgressReporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code namcl report}: the ranking and reports of an eval results database, rebuilt without rendering. */
@Command(name = "report",
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Rebuild the ranked table and reports from an eval results database (eval --db).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":The reports were written.",
            ExitCodes.FAILED + ":The database cannot be read, or a report cannot be written."},
        footerHeading = "%nExamples:%n",
        footer = {"  namcl report results.db --html results.html --csv results.csv"})
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.db", description = "A results database written by eval --db.")
    private Path dbFile;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Write every metric as JSON.")
    private Path reportFile;

    @Option(names = "--csv", paramLabel = "FILE.csv", description = "Write every metric as CSV.")
    private Path csvFile;

    @Option(names = "--html", paramLabel = "FILE.html", description = "Write the HTML report, as eval --html does.")
    private Path htmlFile;

    @Override
    public Integer call() {
        ProgressReporter progress = new ProgressReporter(spec.commandLine().getErr(), false, false);
        if (!Files.isRegularFile(dbFile)) {
            progress.error(dbFile + ": no such results database");
            return ExitCodes.FAILED;
        }
        List<EvalResult> ranked;
        try (ResultsDatabase db = ResultsDatabase.open(dbFile)) {
            ranked = Ranking.rank(db.all());
        } catch (SQLException e) {
            progress.error("cannot read the results database " + dbFile + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
        ResultTable.print(ranked, spec.commandLine().getOut());
        EvalRun run = new EvalRun(Version.get(), OffsetDateTime.now().toString(), "none (from " + dbFile + ")",
                spec.commandLine().getParseResult().originalArgs(), "as stored in " + dbFile, ranked);
        try {
            EvalReports.writeAll(run, reportFile, csvFile, htmlFile);
        } catch (IOException e) {
            progress.error(e.getMessage());
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }
}
