package org.namcl.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code namcl} executable. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        LauncherStderr.adopt();
        System.exit(commandLine().execute(args));
    }

    /** The command line with namcl's error handling; tests run it in-process. */
    public static CommandLine commandLine() {
        return NumberConverters.register(new CommandLine(new NamclCommand()))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setHelpFactory(SpacedLabelsHelp.FACTORY)
                .setParameterExceptionHandler(Main::invalidInput)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // A bug, not a user error: its stack trace is what a bug report needs.
                    cmd.getErr().println("namcl: internal error: " + e);
                    e.printStackTrace(cmd.getErr());
                    return ExitCodes.FAILED;
                });
    }

    /** One line saying what is wrong and where help is, instead of the whole usage text. */
    private static int invalidInput(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("namcl: error: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }
}
