package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.render.TestAudio;
import org.namcl.render.TestModels;

/** Outputs stay inside -o and never land on the run's own inputs. */
class OutputSafetyTest {
    @TempDir
    Path dir;
    Path demonet;

    @BeforeEach
    void model() {
        demonet = TestModels.copy(TestModels.DEMONET, dir.resolve("models"));
    }

    @Test
    void aModelNamedSoItsFolderWouldBeDotDotWritesNothingAndSaysWhy() throws IOException {
        Path dots = Files.copy(demonet, dir.resolve("models/...nam"));
        Path input = TestAudio.write(dir.resolve("a.wav"), TestAudio.signal(500, 1));
        byte[] before = Files.readAllBytes(input);
        Path out = dir.resolve("out");

        // out/../a.wav is the input itself
        Cli.Result r = Cli.run("render", "-m", dots, "-m", demonet, input, "-o", out, "--engine", "cpu", "--overwrite");

        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("namcl: error: " + dots + ": the model's name \"..\" cannot be a folder name"),
                r::toString);
        assertTrue(r.err().contains("rename the file"), r::toString);
        assertArrayEquals(before, Files.readAllBytes(input), "the input is untouched");
        assertEquals(List.of("py__demonet/a.wav"), RenderBatchTest.files(out), "the other model renders");
        assertEquals(List.of("a.wav", "models", "out"), names(dir));
    }

    @Test
    void inputsInsideAModelsOutputFolderAreRefusedBeforeAnythingRenders() throws IOException {
        Path out = dir.resolve("out");
        Path inside = TestAudio.write(out.resolve("py__demonet/take.wav"), TestAudio.signal(500, 1));
        Path elsewhere = TestAudio.write(dir.resolve("in/other.wav"), TestAudio.signal(500, 2));
        byte[] before = Files.readAllBytes(inside);

        Cli.Result r = Cli.run("render", "-m", demonet, out.resolve("py__demonet"), elsewhere, "-o", out,
                "--engine", "cpu", "--overwrite");

        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains(inside + ": is inside " + out.resolve("py__demonet")
                + ", which this run writes outputs into"), r::toString);
        assertArrayEquals(before, Files.readAllBytes(inside), "the input is not rendered over itself");
        assertEquals(List.of("py__demonet/other.wav", "py__demonet/take.wav"), RenderBatchTest.files(out));
        assertTrue(r.err().contains("1 rendered, 0 skipped, 1 failed"), r::toString);
    }

    @Test
    void inputsWhereAModelsOutputFolderLinksToAreRefused() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path input = TestAudio.write(in.resolve("take.wav"), TestAudio.signal(500, 1));
        byte[] before = Files.readAllBytes(input);
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve("py__demonet"), in); // out/py__demonet/take.wav is the input

        Cli.Result r = Cli.run("render", "-m", demonet, input, "-o", out, "--engine", "cpu", "--overwrite");

        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains(input + ": is inside " + out.resolve("py__demonet")), r::toString);
        assertArrayEquals(before, Files.readAllBytes(input));
        assertEquals(List.of("take.wav"), names(in));
    }

    @Test
    void anOutputThatALinkDeeperDownMakesAnInputIsRefused() throws IOException {
        Path in = dir.resolve("in");
        Path input = TestAudio.write(in.resolve("sub/take.wav"), TestAudio.signal(500, 1));
        byte[] before = Files.readAllBytes(input);
        Path out = Files.createDirectories(dir.resolve("out/py__demonet"));
        Files.createSymbolicLink(out.resolve("sub"), in.resolve("sub")); // out/py__demonet/sub/take.wav is the input

        Cli.Result r = Cli.run("render", "-m", demonet, in, "-o", dir.resolve("out"), "--engine", "cpu",
                "--overwrite");

        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("its output " + out.resolve("sub/take.wav") + " is one of this run's inputs"),
                r::toString);
        assertArrayEquals(before, Files.readAllBytes(input));
        assertEquals(List.of("take.wav"), names(in.resolve("sub")));
    }

    private static List<String> names(Path folder) throws IOException {
        try (var s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
