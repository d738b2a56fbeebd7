package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Command;

class HelpAndCommandsTest {

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        Cli.Result r = Cli.run("--help");

        assertEquals(0, r.code(), r::toString);
        for (String command : List.of("render", "info", "devices", "bench", "help")) {
            assertTrue(r.out().contains("\n  " + command + " "), () -> command + " missing:\n" + r.out());
        }
        assertTrue(r.out().contains("Exit codes:"), r.out());
        assertTrue(r.out().contains("Examples:"), r.out());
        assertTrue(r.out().contains("namcl cluster render|eval"), "the launcher's Spark jobs are named:\n" + r.out());
    }

    @Test
    void renderHelpExplainsEveryOptionWithDefaults() {
        Cli.Result r = Cli.run("render", "--help");

        assertEquals(0, r.code(), r::toString);
        for (String option : List.of("--model", "--models-from", "--output", "--engine", "--device", "--threads",
                "--slim", "--format", "--normalize", "--input-gain", "--output-gain", "--overwrite", "--tail", "--mix",
                "--resample", "--quiet", "--report", "Default: auto", "Default: f32", "Examples:")) {
            assertTrue(r.out().contains(option), () -> option + " missing:\n" + r.out());
        }
    }

    /** command --help is built with that command alone, help COMMAND with all: the same text. */
    @ParameterizedTest
    @ValueSource(strings = {"render", "eval", "compare", "report", "info", "devices", "bench"})
    void everyCommandHasHelp(String command) {
        Cli.Result viaOption = Cli.run(command, "--help");
        Cli.Result viaHelp = Cli.run("help", command);

        assertEquals(0, viaOption.code(), viaOption::toString);
        assertTrue(viaOption.out().contains("Usage: namcl " + command), viaOption::toString);
        assertEquals(viaOption.out(), viaHelp.out());
    }

    @Test
    void aCommandNamedFirstIsBuiltAlone() {
        Main.commandLine().getSubcommands().forEach((name, sub) -> assertEquals(name,
                sub.getCommand().getClass().getAnnotation(Command.class).name()));
        for (String name : Main.COMMANDS.keySet()) {
            Set<String> built = Main.commandLine(new String[] {name, "--help"}).getSubcommands().keySet();
            assertEquals(name.equals("help") ? Main.COMMANDS.keySet() : Set.of(name), built);
        }
        assertEquals(Main.COMMANDS.keySet(), Main.commandLine(new String[] {"rendr"}).getSubcommands().keySet());
    }

    @Test
    void versionNamesNamcl() {
        Cli.Result r = Cli.run("--version");

        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("namcl " + Version.get() + "\n"), r::toString);
        assertTrue(!Version.get().equals("unknown"), "the build stamps the version");
    }

    @Test
    void devicesListsDevicesOrSaysWhyThereAreNone() {
        Cli.Result r = Cli.run("devices");

        if (r.code() == 0) {
            assertTrue(r.out().startsWith("#"), r::toString);
            assertTrue(r.out().contains("compute units"), r::toString);
        } else {
            assertEquals(1, r.code(), r::toString);
            assertTrue(r.err().startsWith("namcl: no OpenCL device: "), r::toString);
        }
    }

    @Test
    void benchRunsTheBenchmark() {
        Cli.Result r = Cli.run("bench", "--seconds", "0.05", "--threads", 1, "--models", "nano,FEATHER");

        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("namcl bench:"), r::toString);
        assertTrue(r.out().contains("opencl/s"), r::toString);
        assertTrue(r.out().contains("\nnano "), r::toString);
        assertTrue(r.out().contains("\nfeather "), r::toString);
        assertTrue(!r.out().contains("\nstandard "), r::toString);
    }

    @Test
    void benchRefusesNonsense() {
        assertEquals(2, Cli.run("bench", "--seconds", 0).code());
        assertEquals(2, Cli.run("bench", "--models", "huge").code());
    }
}
