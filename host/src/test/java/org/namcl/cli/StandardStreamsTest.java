package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.audio.Wav;
import org.namcl.render.TestAudio;
import org.namcl.render.TestModels;

/** {@code -} as render's input, {@code -o -} and {@code --report -}: WAV and JSON through the standard streams. */
class StandardStreamsTest {
    @TempDir
    Path dir;
    Path model;
    Path input;
    Path tmp;

    @BeforeEach
    void files() throws IOException {
        model = TestModels.copy(TestModels.DEMONET, dir.resolve("models"));
        input = TestAudio.write(dir.resolve("in/take.wav"), TestAudio.signal(5000, 3), TestAudio.signal(5000, 4));
        tmp = Files.createDirectories(dir.resolve("tmp"));
    }

    /** namcl in a process of its own, {@code stdin} its standard input; its stdout in {@code dir/stdout}. */
    private int namcl(Path stdin, Object... args) throws IOException, InterruptedException {
        Process p = NamclProcess.builder(Main.class, tmp, args).redirectInput(stdin.toFile())
                .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile()).start();
        return NamclProcess.await(p, dir.resolve("stderr"));
    }

    private String stderr() throws IOException {
        return Files.readString(dir.resolve("stderr"));
    }

    @Test
    void stdinToStdoutIsAWavStreamOfTheSamplesAFileRenderWrites() throws IOException, InterruptedException {
        int code = namcl(input, "render", "-m", model, "-", "-o", "-", "--engine", "cpu");

        assertEquals(0, code, this::stderrOrNot);
        Path streamed = Files.move(dir.resolve("stdout"), dir.resolve("streamed.wav"));
        assertEquals("RIFF", new String(Files.readAllBytes(streamed), 0, 4, StandardCharsets.US_ASCII),
                "stdout holds the WAV stream from its first byte");
        assertTrue(stderr().contains("1 rendered, 0 skipped, 0 failed"), "the summary on stderr");
        assertEquals(List.of(), NamclProcess.names(tmp), "standard input's copy is gone");
        // a file render in a JVM like the streaming one's (the same CPU kernels: the test JVM's may differ)
        assertEquals(0, namcl(input, "render", "-m", model, input, "-o", dir.resolve("file.wav"), "--engine", "cpu"),
                this::stderrOrNot);
        Wav file = Wav.read(dir.resolve("file.wav"));
        Wav stream = Wav.read(streamed);
        assertEquals(file.format(), stream.format());
        assertArrayEquals(file.channels(), stream.channels(), "every sample of both channels, and no more");
    }

    @Test
    void stdinIntoAFolderIsNamedStdin() throws IOException, InterruptedException {
        int code = namcl(input, "render", "-m", model, "-", "-o", dir.resolve("out"), "--engine", "cpu");

        assertEquals(0, code, this::stderrOrNot);
        assertEquals(List.of("py__demonet/stdin.wav"), NamclProcess.names(dir.resolve("out")));
        assertEquals(5000, Wav.read(dir.resolve("out/py__demonet/stdin.wav")).frames());
    }

    @Test
    void aStdinThatIsNoWavFailsInOneLineNamingIt() throws IOException, InterruptedException {
        Path junk = Files.writeString(dir.resolve("junk"), "not a wav at all");

        int code = namcl(junk, "render", "-m", model, "-", "-o", "-", "--engine", "cpu");

        assertEquals(1, code, this::stderrOrNot);
        assertEquals(1, stderr().lines().filter(l -> l.startsWith("namcl: error: stdin (model py__demonet): not a WAV"))
                .count(), this::stderrOrNot);
        assertEquals(0, Files.size(dir.resolve("stdout")), "nothing on stdout");
        assertEquals(List.of(), NamclProcess.names(tmp), "standard input's copy is gone");
    }

    @Test
    void aStreamTakesOneModelAndOneInput() throws IOException, InterruptedException {
        Path other = TestAudio.write(dir.resolve("in/other.wav"), TestAudio.signal(100, 1));

        int code = namcl(input, "render", "-m", model, input, other, "-o", "-", "--engine", "cpu");

        assertEquals(ExitCodes.USAGE, code);
        assertTrue(stderr().startsWith("namcl: error: -o - writes one WAV stream to standard output, but there are "
                + "1 model and 2 input files"), this::stderrOrNot);
        assertEquals(0, Files.size(dir.resolve("stdout")));
    }

    @Test
    void dashesThatCannotBeMeantAreUsageErrors() {
        Cli.Result twice = Cli.run("render", "-m", model, "-", "-", "-o", dir.resolve("out"));
        Cli.Result both = Cli.run("render", "-m", model, input, "-o", "-", "--report", "-");

        assertEquals(ExitCodes.USAGE, twice.code(), twice::toString);
        assertTrue(twice.err().contains("more than once"), twice::toString);
        assertEquals(ExitCodes.USAGE, both.code(), both::toString);
        assertTrue(both.err().contains("both write to standard output"), both::toString);
    }

    @Test
    void reportDashPrintsTheReportToStdout() throws IOException {
        Cli.Result r = Cli.run("render", "-m", model, input, "-o", dir.resolve("out"), "--engine", "cpu",
                "--report", "-");

        assertEquals(0, r.code(), r::toString);
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertEquals(1, report.get("summary").get("rendered").asInt(), r::toString);
        assertEquals(input.toString(), report.get("pairs").get(0).get("input").asText());
        assertTrue(r.err().contains("1 rendered"), "messages stay on stderr");
    }

    private String stderrOrNot() {
        try {
            return stderr();
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }
}
