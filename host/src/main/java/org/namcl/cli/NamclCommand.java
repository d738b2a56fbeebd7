package org.namcl.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code namcl}: the top command, which only dispatches to its subcommands (added by {@link Main}). */
@Command(name = "namcl",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Renders Neural Amp Modeler (.nam) models over WAV files, scores them against targets, "
            + "proves renderers equal.",
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":Success (outputs that already existed count as success).",
            ExitCodes.FAILED + ":Something failed: a file, a model or a device (see the messages).",
            ExitCodes.USAGE + ":Invalid command line.",
            ExitCodes.NO_INPUT + ":No WAV files in the inputs given."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  namcl render -m amp.nam takes/ -o rendered/",
            "  namcl render -m amp.nam -m pedal.nam di.wav --format same -o out/",
            "  namcl eval -m captures/ --input di.wav --target reamp.wav --html report.html",
            "  namcl compare -m captures/ takes/",
            "  namcl info amp.nam",
            "  namcl render --help",
            "",
            "Past one machine (through the ./namcl launcher, which builds the Spark module on first use):",
            "  namcl cluster render|eval ...   the same jobs on Apache Spark; namcl cluster render --help"})
final class NamclCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "missing command (render, eval, compare, report, info, devices or bench)");
    }
}
