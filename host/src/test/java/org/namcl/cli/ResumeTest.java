package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.render.TestAudio;
import org.namcl.render.TestModels;

/** A rerun keeps the outputs made as it would make them and renders the others again, saying so. */
class ResumeTest {
    @TempDir
    Path dir;
    Path input;
    Path out;
    Path report;

    @BeforeEach
    void files() throws IOException {
        input = TestAudio.write(dir.resolve("in/take.wav"), TestAudio.signal(2000, 1));
        out = dir.resolve("out");
        report = dir.resolve("run.json");
    }

    private Cli.Result render(Path model, String... options) {
        List<Object> args = new ArrayList<>(List.of("render", "-m", model, input, "-o", out, "--engine", "cpu",
                "--report", report));
        args.addAll(List.of(options));
        return Cli.run(args.toArray());
    }

    private JsonNode onlyPair() throws IOException {
        JsonNode pairs = new ObjectMapper().readTree(report.toFile()).get("pairs");
        assertEquals(1, pairs.size(), pairs::toString);
        return pairs.get(0);
    }

    @Test
    void anotherModelWithTheSameFileNameRendersTheOutputAgain() throws IOException {
        Path first = Files.copy(TestModels.copy(TestModels.DEMONET, dir.resolve("a")), dir.resolve("a/amp.nam"));
        Path second = Files.copy(TestModels.copy(TestModels.NANO, dir.resolve("b")), dir.resolve("b/amp.nam"));
        assertEquals(0, render(first).code());
        Path output = out.resolve("amp/take.wav");
        byte[] byFirst = Files.readAllBytes(output);

        Cli.Result r = render(second);

        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains("namcl: rendering " + output + " again: the model file differs"), r::toString);
        assertTrue(r.err().contains("1 rendered (1 of them again: their outputs were made another way), 0 skipped"),
                r::toString);
        assertEquals("rerendered", onlyPair().get("status").asText());
        assertEquals("the model file differs", onlyPair().get("reason").asText());
        assertFalse(java.util.Arrays.equals(byFirst, Files.readAllBytes(output)), "the second model's output");

        Cli.Result again = render(second);

        assertTrue(again.err().contains("0 rendered, 1 skipped"), again::toString);
        assertEquals("skipped", onlyPair().get("status").asText());
    }

    @Test
    void everyOptionThatChangesTheSamplesRendersTheOutputAgain() throws IOException {
        Path model = TestModels.copy(TestModels.SLIMMABLE, dir.resolve("models"));
        String[][] steps = {
            {},
            {"--format", "pcm24"},
            {"--format", "pcm24", "--input-gain", "-3"},
            {"--format", "pcm24", "--input-gain", "-3", "--output-gain", "2"},
            {"--format", "pcm24", "--input-gain", "-3", "--output-gain", "2", "--normalize", "loudness"},
            {"--format", "pcm24", "--input-gain", "-3", "--output-gain", "2", "--normalize", "loudness",
                "--slim", "0.2"},
            {"--format", "pcm24", "--input-gain", "-3", "--output-gain", "2", "--normalize", "loudness",
                "--slim", "0.2", "--resample"},
            {"--format", "pcm24", "--input-gain", "-3", "--output-gain", "2", "--normalize", "loudness",
                "--slim", "0.2", "--resample", "--mix", "mono"},
            {"--format", "pcm24", "--input-gain", "-3", "--output-gain", "2", "--normalize", "loudness",
                "--slim", "0.2", "--resample", "--mix", "mono", "--tail"},
            {"--format", "pcm24", "--input-gain", "-3", "--output-gain", "2", "--normalize", "loudness",
                "--slim", "0.2", "--resample", "--mix", "mono", "--tail", "--tail-seconds", "0.25"},
        };
        String[] named = {null, "format", "input-gain", "output-gain", "normalize", "slim", "resample", "mix", "tail",
            "tail-seconds"};
        assertEquals("rendered", statusAfter(model, steps[0]));
        for (int i = 1; i < steps.length; i++) {
            assertEquals("rerendered", statusAfter(model, steps[i]), named[i]);
            assertTrue(onlyPair().get("reason").asText().startsWith(named[i]), onlyPair()::toString);
        }
        assertEquals("skipped", statusAfter(model, steps[steps.length - 1]), "the same options again");
    }

    private String statusAfter(Path model, String... options) throws IOException {
        Cli.Result r = render(model, options);
        assertEquals(0, r.code(), r::toString);
        return onlyPair().get("status").asText();
    }

    @Test
    void anEditedInputIsRenderedAgain() throws IOException {
        Path model = TestModels.copy(TestModels.DEMONET, dir.resolve("models"));
        assertEquals(0, render(model).code());
        TestAudio.write(input, TestAudio.signal(3000, 7));

        Cli.Result r = render(model);

        assertEquals(0, r.code(), r::toString);
        assertEquals("the input file changed", onlyPair().get("reason").asText());
        assertEquals(3000, TestAudio.read(out.resolve("py__demonet/take.wav")).frames());
    }

    @Test
    void aFileNamclDidNotWriteIsLeftAsItIsAndThePairFails() throws IOException {
        Path model = TestModels.copy(TestModels.DEMONET, dir.resolve("models"));
        Path theirs = TestAudio.write(out.resolve("py__demonet/take.wav"), TestAudio.signal(100, 3));
        byte[] before = Files.readAllBytes(theirs);
        FileTime modified = Files.getLastModifiedTime(theirs);

        Cli.Result r = render(model);

        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("exists but namcl did not write it"), r::toString);
        assertTrue(r.err().contains("--overwrite"), r::toString);
        assertArrayEquals(before, Files.readAllBytes(theirs));
        assertEquals(modified, Files.getLastModifiedTime(theirs));
        assertEquals("failed", onlyPair().get("status").asText());

        Cli.Result overwritten = render(model, "--overwrite");

        assertEquals(0, overwritten.code(), overwritten::toString);
        assertEquals(2000, TestAudio.read(theirs).frames());
    }
}
