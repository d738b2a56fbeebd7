package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Help and errors as people read them: {@code -o OUTDIR}, and bad numbers named by their option. */
class HelpConventionsTest {
    /** An option joined to its value label by '=', as picocli shows it by default ({@code -o=OUTDIR}). */
    private static final Pattern JOINED = Pattern.compile("-[a-z-]+=[A-Za-z]");

    @ParameterizedTest
    @ValueSource(strings = {"render", "compare", "info", "devices", "bench"})
    void usageShowsEveryValueAfterASpace(String command) {
        Cli.Result r = Cli.run(command, "--help");

        assertEquals(0, r.code(), r::toString);
        assertFalse(JOINED.matcher(r.out()).find(), r::toString);
        assertFalse(r.out().contains("\u00A0"), "the unbreakable joins are laid out as spaces");
        if (!command.equals("devices") && !command.equals("info")) {
            assertTrue(r.out().contains("--threads N"), r::toString);
        }
    }

    @Test
    void renderUsageReadsAsTyped() {
        String help = Cli.run("render", "--help").out();

        assertTrue(help.contains(" -o OUTDIR"), help);
        assertTrue(help.contains("-o, --output OUTDIR "), help);
        assertTrue(help.contains("[--format f32|pcm24|pcm16|same]"), "a wrap never parts an option from its value:\n"
                + help);
    }

    @Test
    void devicesHelpShowsItsOwnExamplesNotTheTopCommands() {
        String help = Cli.run("devices", "--help").out();

        assertTrue(help.contains("  namcl devices\n"), help);
        assertFalse(help.contains("namcl info amp.nam"), help);
    }

    @Test
    void anEqualsSignStillWorksOnTheCommandLine() {
        Cli.Result r = Cli.run("render", "-m", "none.nam", "x.wav", "-o", "out", "--threads=two");

        assertEquals(ExitCodes.USAGE, r.code(), r::toString);
        assertTrue(r.err().contains("'--threads': 'two' is not a whole number"), r::toString);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "render -m a.nam x.wav -o out --threads 2.5 | Invalid value for option '--threads': '2.5' is not a whole number",
        "render -m a.nam x.wav -o out --slim half   | Invalid value for option '--slim': 'half' is not a number",
        "render -m a.nam x.wav -o out --input-gain 3dB | Invalid value for option '--input-gain': '3dB' is not a number",
        "render -m a.nam x.wav -o out --input-gain NaN | --input-gain must be a finite number of dB, got NaN",
        "render -m a.nam x.wav -o out --output-gain Infinity | --output-gain must be a finite number of dB, got Infinity",
        "compare -m a.nam x.wav --threads many | Invalid value for option '--threads': 'many' is not a whole number",
        "bench --seconds ten                   | Invalid value for option '--seconds': 'ten' is not a number",
        "bench --seconds 0                     | --seconds must be a positive number, got 0.0",
        "bench --threads 0                     | --threads must be at least 1, got 0",
        "bench --many-models 0                 | --many-models must be at least 1, got 0"})
    void aBadNumberIsNamedByItsOption(String commandLine, String message) {
        Cli.Result r = Cli.run((Object[]) commandLine.trim().split(" +"));

        assertEquals(ExitCodes.USAGE, r.code(), r::toString);
        assertTrue(r.err().startsWith("namcl: error: " + message + "\n"), r::toString);
    }
}
