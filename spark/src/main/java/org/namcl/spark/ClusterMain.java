package org.namcl.spark;

import java.io.PrintWriter;
import java.net.URL;
import org.namcl.cli.ExitCodes;
import org.namcl.cli.LauncherStderr;
import org.namcl.cli.SpacedLabelsHelp;
import org.namcl.cli.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;

/**
 * {@code namcl cluster}: render and eval as Spark jobs. Run embedded by {@code ./namcl cluster}
 * ({@code local[*]}), or on a cluster by {@code spark-submit --class org.namcl.spark.ClusterMain
 * namcl-spark.jar render|eval ...}.
 */
@Command(name = "namcl cluster",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        usageHelpAutoWidth = true,
        header = "Render and score models as Apache Spark jobs: embedded (local[*]) or on a cluster.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {ClusterRenderCommand.class, ClusterEvalCommand.class, CommandLine.HelpCommand.class})
public final class ClusterMain implements Runnable {
    private static final String EMBEDDED_LOGGING = "org/namcl/spark/log4j2-embedded.properties";

    public static void main(String[] args) {
        LauncherStderr.adopt();
        quietLogging();
        System.exit(commandLine().execute(args));
    }

    /** The command line with namcl's error handling; tests run it in-process. */
    static CommandLine commandLine() {
        return new CommandLine(new ClusterMain())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setHelpFactory(SpacedLabelsHelp.FACTORY)
                .setParameterExceptionHandler(ClusterMain::invalidInput);
    }

    @Override
    public void run() {
        throw new ParameterException(new CommandLine(this), "give a command: render or eval");
    }

    private static int invalidInput(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("namcl: error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    /**
     * Spark's warnings only, unless a log4j2 configuration is given: its INFO lines would bury
     * namcl's. Under spark-submit logging has started already and the cluster's settings hold.
     */
    private static void quietLogging() {
        URL embedded = ClusterMain.class.getClassLoader().getResource(EMBEDDED_LOGGING);
        if (System.getProperty("log4j2.configurationFile") == null && embedded != null) {
            System.setProperty("log4j2.configurationFile", embedded.toString());
        }
    }
}
