package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.namcl.render.TestAudio;
import org.namcl.render.TestModels;

/**
 * What goes wrong: each bad file or model is reported in one line naming it, the rest of the
 * batch is rendered, and no partial output is ever left behind.
 */
class RenderErrorTest {
    @TempDir
    Path dir;
    Path model;
    Path out;
    Path good;

    @BeforeEach
    void setUp() throws IOException {
        model = TestModels.copy(TestModels.DEMONET, dir.resolve("models"));
        out = dir.resolve("out");
        good = TestAudio.write(dir.resolve("in/good.wav"), TestAudio.signal(1000, 1));
    }

    @Test
    void badInputsFailOneByOneAndTheBatchGoesOn() throws IOException {
        Path in = dir.resolve("in");
        byte[] valid = Files.readAllBytes(good);
        Path truncated = Files.write(in.resolve("truncated.wav"), Arrays.copyOf(valid, valid.length - 1000));
        Path text = Files.writeString(in.resolve("text.wav"), "This is not a WAV file, only named like one.\n");
        Path empty = Files.write(in.resolve("empty.wav"), new byte[0]);
        float[] withNaN = TestAudio.signal(500, 2);
        withNaN[123] = Float.NaN;
        Path nan = TestAudio.writeRawFloat(in.resolve("nan.wav"), 48000, withNaN);
        float[] withInf = TestAudio.signal(500, 3);
        withInf[7] = Float.NEGATIVE_INFINITY;
        Path inf = TestAudio.writeRawFloat(in.resolve("inf.wav"), 48000, withInf);
        Path missing = in.resolve("missing.wav");
        List<Path> bad = List.of(truncated, text, empty, nan, inf, missing);

        Cli.Result r = Cli.run("render", "-m", model, truncated, text, empty, nan, good, inf, missing,
                "-o", out, "--engine", "cpu");

        assertEquals(1, r.code(), r::toString);
        assertTrue(Files.exists(out.resolve("py__demonet/good.wav")), r::toString);
        for (Path p : bad) {
            long lines = r.err().lines().filter(l -> l.startsWith("namcl: error: " + p)).count();
            assertEquals(1, lines, () -> p + " should be reported once:\n" + r);
            assertFalse(Files.exists(out.resolve("py__demonet").resolve(p.getFileName())), p::toString);
        }
        assertTrue(r.err().contains("NaN at frame 123"), r::toString);
        assertTrue(r.err().contains("frame 7"), r::toString);
        assertTrue(r.err().contains(missing + ": no such file"), r::toString);
        assertTrue(r.err().contains("1 rendered, 0 skipped, 6 failed"), r::toString);
        assertNoStackTrace(r);
        assertEquals(List.of("py__demonet/good.wav"), RenderBatchTest.files(out), "no partial files");
    }

    @Test
    void anUnreadableFileFailsAlone() throws IOException {
        Path locked = TestAudio.write(dir.resolve("in/locked.wav"), TestAudio.signal(100, 1));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(locked), "permissions do not apply (running as root)");

        Cli.Result r = Cli.run("render", "-m", model, locked, good, "-o", out, "--engine", "cpu");

        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("namcl: error: " + locked), r::toString);
        assertTrue(r.err().contains("permission denied"), r::toString);
        assertTrue(Files.exists(out.resolve("py__demonet/good.wav")));
    }

    @Test
    void aFailureMidFileLeavesNoOutputAndNoTemporaryFile() throws IOException {
        // one thread and RF 13: blocks of 65536 frames, so the NaN is read after a block was written
        float[] x = TestAudio.signal(70000, 3);
        x[66000] = Float.NaN;
        Path in = TestAudio.writeRawFloat(dir.resolve("in/late.wav"), 48000, x);

        Cli.Result r = Cli.run("render", "-m", model, in, "-o", out, "--engine", "cpu", "--threads", 1);

        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("NaN at frame 66000"), r::toString);
        assertEquals(List.of(), RenderBatchTest.files(out), "neither the output nor its temporary file");
    }

    @Test
    void aMissingModelIsReportedOnceAndFailsItsPairs() throws IOException {
        Path other = TestAudio.write(dir.resolve("in/other.wav"), TestAudio.signal(800, 1));
        Path missing = dir.resolve("models/nothere.nam");

        Cli.Result r = Cli.run("render", "-m", missing, "-m", model, good, other, "-o", out, "--engine", "cpu");

        assertEquals(1, r.code(), r::toString);
        assertEquals(1, r.err().lines().filter(l -> l.contains("nothere.nam")).count(), r::toString);
        assertTrue(r.err().contains(missing + ": no such file"), r::toString);
        assertTrue(r.err().contains("2 rendered, 0 skipped, 2 failed"), r::toString);
        assertEquals(List.of("py__demonet/good.wav", "py__demonet/other.wav"), RenderBatchTest.files(out));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{ this is not json", "{\"version\": \"0.5.4\", \"architecture\": \"WaveNet\"}", ""})
    void aMalformedModelIsReportedOnceNamingIt(String content) throws IOException {
        Path broken = Files.writeString(dir.resolve("models/broken.nam"), content);

        Cli.Result r = Cli.run("render", "-m", broken, "-m", model, good, "-o", out, "--engine", "cpu");

        assertEquals(1, r.code(), r::toString);
        List<String> lines = r.err().lines().filter(l -> l.contains("broken.nam")).toList();
        assertEquals(1, lines.size(), r::toString);
        assertTrue(lines.get(0).startsWith("namcl: error: " + broken + ": "), r::toString);
        assertNoStackTrace(r);
        assertTrue(Files.exists(out.resolve("py__demonet/good.wav")));
    }

    @Test
    void anLstmModelOfAnotherRateIsRefusedWithoutResample() throws IOException {
        Path lstm = Files.writeString(dir.resolve("models/lstm.nam"), TestModels.LSTM);

        Cli.Result r = Cli.run("render", "-m", lstm, good, "-o", out, "--engine", "cpu");

        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("differs from the model's (44100 Hz)"), r::toString);
        Cli.Result resampled = Cli.run("render", "-m", lstm, good, "-o", out, "--engine", "cpu", "--resample");
        assertEquals(0, resampled.code(), resampled::toString);
        assertTrue(Files.exists(out.resolve("lstm/good.wav")));
    }

    @Test
    void anOutputFolderThatIsAFileIsAClearError() throws IOException {
        // not named .wav: -o NAME.wav with one pair names the output file itself (SingleOutputFileTest)
        Path file = Files.writeString(dir.resolve("out"), "a file");

        Cli.Result r = Cli.run("render", "-m", model, good, "-o", file, "--engine", "cpu");

        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("the output folder " + file + " is a file"), r::toString);
        assertNoStackTrace(r);
    }

    @Test
    void aModelFolderThatCannotBeCreatedFailsItsPairs() throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("py__demonet"), "in the way");

        Cli.Result r = Cli.run("render", "-m", model, good, "-o", out, "--engine", "cpu");

        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("cannot create output folder " + out.resolve("py__demonet")), r::toString);
        assertNoStackTrace(r);
    }

    @Test
    void noWavFilesIsItsOwnExitCode() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("nothing"));
        Files.writeString(empty.resolve("readme.txt"), "no audio here");

        Cli.Result r = Cli.run("render", "-m", model, empty, "-o", out);

        assertEquals(3, r.code(), r::toString);
        assertTrue(r.err().contains("no WAV files found in " + empty), r::toString);
        assertFalse(Files.exists(out), "nothing to do: no output folder either");
    }

    @Test
    void theOutputFolderCannotBeAnInputFolder() throws IOException {
        Cli.Result r = Cli.run("render", "-m", model, dir.resolve("in"), "-o", dir.resolve("in"), "--engine", "cpu");

        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("is the output folder too"), r::toString);
    }

    @Test
    void twoInputsWithTheSameOutputNameAreRefused() throws IOException {
        Path twin = TestAudio.write(dir.resolve("other/good.wav"), TestAudio.signal(100, 1));

        Cli.Result r = Cli.run("render", "-m", model, good, twin, "-o", out, "--engine", "cpu");

        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains(twin + ": its output name good.wav is already taken by " + good), r::toString);
        assertEquals(1000, TestAudio.read(out.resolve("py__demonet/good.wav")).frames());
    }

    @Test
    void openClEngineFailuresFailThePairsInsteadOfFallingBack() throws IOException {
        Cli.Result r = Cli.run("render", "-m", model, good, "-o", out, "--engine", "opencl", "--device", "99");

        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("cannot use the OpenCL engine"), r::toString);
        assertFalse(Files.exists(out.resolve("py__demonet/good.wav")));
        assertTrue(r.err().contains("0 rendered, 0 skipped, 1 failed"), r::toString);
    }

    @Test
    void aModelAmongTheInputsIsAUsageErrorSayingHowToGiveSeveral() throws IOException {
        Path second = TestModels.copy(TestModels.NANO, dir.resolve("models"));

        Cli.Result r = Cli.run("render", "-m", model, second, good, "-o", out, "--engine", "cpu");

        assertEquals(2, r.code(), r::toString);
        assertEquals("namcl: error: " + second + " is a model, not an input: give each model with -m "
                + "(-m a.nam -m b.nam), or a folder of models (-m caps/), or a list (--models-from list.txt)",
                r.err().lines().findFirst().orElseThrow(), r::toString);
        assertFalse(Files.exists(out), r::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "render in/good.wav -o out",
        "render -m models/py__demonet.nam -o out",
        "render -m models/py__demonet.nam in/good.wav",
        "render -m models/py__demonet.nam in/good.wav -o out --slim 1.5",
        "render -m models/py__demonet.nam in/good.wav -o out --slim -0.1",
        "render -m models/py__demonet.nam in/good.wav -o out --format mp3",
        "render -m models/py__demonet.nam in/good.wav -o out --engine cuda",
        "render -m models/py__demonet.nam in/good.wav -o out --threads 0",
        "render -m models/py__demonet.nam in/good.wav -o out --input-gain NaN",
        "render -m models/py__demonet.nam in/good.wav -o out --mix stereo",
        "render -m models/py__demonet.nam in/good.wav -o out --normalize peak",
        "render -m models/py__demonet.nam in/good.wav -o out --frobnicate",
        "render -m models/py__demonet.nam -m other/py__demonet.nam in/good.wav -o out",
        "render -m models/py__demonet.nam other/b.NAM in/good.wav -o out",
        "render -m in/ in/good.wav -o out",
        "render --models-from lists/missing.txt in/good.wav -o out",
        "frobnicate",
        ""})
    void usageErrorsExitWithTwo(String args) {
        List<String> a = args.isEmpty() ? List.of()
                : Arrays.stream(args.split(" "))
                        .map(s -> s.contains("/") || s.equals("out") ? dir.resolve(s).toString() : s).toList();

        Cli.Result r = Cli.run(a.toArray());

        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().startsWith("namcl: error: "), r::toString);
        assertTrue(r.err().contains("--help"), r::toString);
        assertFalse(Files.exists(out), r::toString);
    }

    private static void assertNoStackTrace(Cli.Result r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r::toString);
    }
}
