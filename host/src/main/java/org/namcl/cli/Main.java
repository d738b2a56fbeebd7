package org.namcl.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code namcl} executable. */
public final class Main {
    private Main() {
    }

    /** namcl's commands by name, in the order help lists them. */
    static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("render", RenderCommand::new);
        COMMANDS.put("eval", EvalCommand::new);
        COMMANDS.put("compare", CompareCommand::new);
        COMMANDS.put("report", ReportCommand::new);
        COMMANDS.put("info", InfoCommand::new);
        COMMANDS.put("devices", DevicesCommand::new);
        COMMANDS.put("bench", BenchCommand::new);
        COMMANDS.put("help", HelpCommand::new);
    }

    public static void main(String[] args) {
        LauncherStderr.adopt();
        System.exit(commandLine(args).execute(args));
    }

    /** The command line with every command and namcl's error handling; tests run it in-process. */
    public static CommandLine commandLine() {
        return configure(COMMANDS.keySet().toArray(String[]::new));
    }

    /**
     * The command line for {@code args}: when the first names a command other than help, that
     * command alone. picocli reads every option of every command it holds at start-up, which was
     * about half of its 0.15 s before a render began; what is run is the same either way.
     */
    static CommandLine commandLine(String[] args) {
        if (args.length > 0 && COMMANDS.containsKey(args[0]) && !args[0].equals("help")) {
            return configure(args[0]);
        }
        return commandLine();
    }

    /** Settings reach the subcommands present when they are made: so the commands come first. */
    private static CommandLine configure(String... commands) {
        CommandLine top = new CommandLine(new NamclCommand());
        for (String name : commands) {
            top.addSubcommand(name, COMMANDS.get(name).get());
        }
        return NumberConverters.register(top)
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
