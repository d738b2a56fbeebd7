package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** {@code -o NAME.wav} with one model and one input writes that file, under every rule of a folder's outputs. */
class SingleOutputFileTest {
    @TempDir
    Path dir;
    Path model;
    Path input;

    @BeforeEach
    void files() throws IOException {
        model = TestModels.copy(TestModels.DEMONET, dir.resolve("models"));
        input = TestAudio.write(dir.resolve("in/take.wav"), TestAudio.signal(3000, 5));
    }

    private Cli.Result render(Object output, String... more) {
        List<Object> args = new java.util.ArrayList<>(List.of("render", "-m", model, input, "-o", output,
                "--engine", "cpu"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray());
    }

    @Test
    void writesTheNamedFileWithTheSamplesAFolderRunWrites() throws IOException {
        Path file = dir.resolve("out/sub/single.wav");

        Cli.Result r = render(file);

        assertEquals(0, r.code(), r::toString);
        assertTrue(Files.isRegularFile(file), "a file, not a folder");
        assertEquals(List.of("single.wav"), NamclProcess.names(dir.resolve("out/sub")), "no temporary file or claim left");
        assertEquals(0, render(dir.resolve("folder")).code());
        assertArrayEquals(TestAudio.read(dir.resolve("folder/py__demonet/take.wav")).channels()[0],
                TestAudio.read(file).channels()[0]);
    }

    @Test
    void aRerunSkipsItAndAnotherWayOfRenderingReplacesIt() throws IOException {
        Path file = dir.resolve("single.wav");
        assertEquals(0, render(file).code());

        Cli.Result again = render(file);
        Cli.Result louder = render(file, "--output-gain", "6");
        Cli.Result forced = render(file, "--output-gain", "6", "--overwrite");

        assertTrue(again.err().contains("0 rendered, 1 skipped"), again::toString);
        assertTrue(louder.err().contains("1 rendered (1 of them again"), louder::toString);
        assertTrue(forced.err().contains("1 rendered, 0 skipped"), forced::toString);
    }

    @Test
    void aFileNamclDidNotWriteIsLeftUnlessOverwriting() throws IOException {
        Path file = Files.writeString(dir.resolve("theirs.wav"), "not namcl's");

        Cli.Result kept = render(file);

        assertEquals(1, kept.code(), kept::toString);
        assertTrue(kept.err().contains("namcl did not write"), kept::toString);
        assertEquals("not namcl's", Files.readString(file));
        assertEquals(0, render(file, "--overwrite").code());
        assertEquals(3000, TestAudio.read(file).channels()[0].length);
    }

    @Test
    void theInputItselfIsNeverWrittenOver() throws IOException {
        byte[] before = Files.readAllBytes(input);

        Cli.Result r = render(input, "--overwrite");

        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("one of this run's inputs"), r::toString);
        assertArrayEquals(before, Files.readAllBytes(input));
    }

    @Test
    void moreThanOnePairIsAUsageErrorNamingTheCounts() throws IOException {
        TestAudio.write(dir.resolve("in/other.wav"), TestAudio.signal(100, 6));

        Cli.Result r = Cli.run("render", "-m", model, dir.resolve("in"), "-o", dir.resolve("x.wav"), "--engine", "cpu");

        assertEquals(ExitCodes.USAGE, r.code(), r::toString);
        assertTrue(r.err().contains("1 model and 2 input files; give one of each, or an output folder"), r::toString);
        assertFalse(Files.exists(dir.resolve("x.wav")));
    }

    @Test
    void anExistingFolderNamedLikeAFileStaysAFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("looks.wav"));

        assertEquals(0, render(folder).code());

        assertEquals(List.of("py__demonet/take.wav"), NamclProcess.names(folder));
    }
}
