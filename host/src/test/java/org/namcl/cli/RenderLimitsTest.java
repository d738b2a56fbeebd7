package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.audio.Wav;
import org.namcl.audio.WavBytes;
import org.namcl.render.TestAudio;
import org.namcl.render.TestModels;
import org.namcl.testing.SpecialFiles;

/**
 * Inputs and models that would exhaust memory or block the run: each fails alone in one line
 * naming it, quickly, and the rest of the batch is rendered.
 */
class RenderLimitsTest {
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

    /** A small file declaring the most channels a header can: 8-bit samples, two frames. */
    private Path manyChannels(String name) throws IOException {
        int channels = 0xFFFF;
        return new WavBytes().fmt(WavBytes.TAG_PCM, channels, 48000, 8).data(new byte[2 * channels])
                .writeTo(dir.resolve("in").resolve(name));
    }

    @Test
    void aFileOfThousandsOfChannelsFailsAloneInOneLine() throws IOException {
        Path wide = manyChannels("wide.wav");

        Cli.Result r = assertTimeoutPreemptively(SpecialFiles.REFUSAL_TIME,
                () -> Cli.run("render", "-m", model, wide, good, "-o", out, "--engine", "cpu"));

        assertEquals(1, r.code(), r::toString);
        assertEquals(List.of("namcl: error: " + wide + " (model py__demonet): the file has 65535 channels; namcl "
                + "renders at most 64 channels of a file, each on its own (--mix mono renders their downmix)"),
                errors(r), r::toString);
        assertEquals(List.of("py__demonet/good.wav"), RenderBatchTest.files(out));
    }

    @Test
    void aDownmixOfThousandsOfChannelsRendersInBoundedMemory() throws IOException {
        Path wide = manyChannels("wide.wav");

        Cli.Result r = assertTimeoutPreemptively(SpecialFiles.REFUSAL_TIME,
                () -> Cli.run("render", "-m", model, wide, "-o", out, "--engine", "cpu", "--mix", "mono"));

        assertEquals(0, r.code(), r::toString);
        Wav rendered = TestAudio.read(out.resolve("py__demonet/wide.wav"));
        assertEquals(1, rendered.format().channels());
        assertEquals(2, rendered.channels()[0].length);
    }

    @Test
    void pipesAndDevicesAmongTheInputsAreRefusedWithoutBlocking() throws Exception {
        Path inFolder = SpecialFiles.fifo(dir.resolve("in/pipe.wav"));
        Path given = SpecialFiles.fifo(dir.resolve("other/given.wav"));

        Cli.Result r = assertTimeoutPreemptively(SpecialFiles.REFUSAL_TIME,
                () -> Cli.run("render", "-m", model, dir.resolve("in"), given, "-o", out, "--engine", "cpu"));

        assertEquals(1, r.code(), r::toString);
        assertEquals(List.of(
                "namcl: error: " + inFolder + ": not a regular file (a pipe, device or socket), so namcl does not read it",
                "namcl: error: " + given + ": not a regular file (a pipe, device or socket), so namcl does not read it"),
                errors(r), r::toString);
        assertEquals(List.of("py__demonet/good.wav"), RenderBatchTest.files(out));
    }

    @Test
    void modelsThatWouldExhaustMemoryOrBlockFailAloneAndTheOthersRender() throws Exception {
        Path pipe = SpecialFiles.fifo(dir.resolve("models/pipe.nam"));
        Path huge = SpecialFiles.sparse(dir.resolve("big/huge.nam"), 3L << 30);
        String json = Files.readString(model);
        Path version = Files.writeString(dir.resolve("big/version.nam"),
                json.replaceFirst("\"version\": *\"[^\"]*\"", "\"version\": \"0.99999999999.0\""));
        Path zero = Path.of("/dev/zero");
        List<Path> others = Files.exists(zero) ? List.of(huge, version, zero) : List.of(huge, version);
        List<Object> args = new java.util.ArrayList<>(List.of("render", "-m", dir.resolve("models")));
        others.forEach(m -> args.addAll(List.of("-m", m)));
        args.addAll(List.of(good, "-o", out, "--engine", "cpu"));

        Cli.Result r = assertTimeoutPreemptively(SpecialFiles.REFUSAL_TIME, () -> Cli.run(args.toArray()));

        assertEquals(1, r.code(), r::toString);
        List<String> errors = errors(r);
        assertEquals(1 + others.size(), errors.size(), r::toString);
        assertTrue(errors.contains("namcl: error: " + pipe + ": not a regular file (a pipe, device or socket), so "
                + "namcl does not read it (skipping its 1 file)"), r::toString);
        assertTrue(errors.contains("namcl: error: " + huge + ": " + (3L << 30) + " bytes, over namcl's limit of 64 MiB "
                + "for a model file (skipping its 1 file)"), r::toString);
        assertTrue(errors.contains("namcl: error: " + version + ": unsupported version 0.99999999999.0 (namcl reads "
                + "0.5.0 up to 0.7.x) (skipping its 1 file)"), r::toString);
        assertEquals(List.of("py__demonet/good.wav"), RenderBatchTest.files(out));
        assertFalse(r.err().contains("internal error"), r::toString);
    }

    @Test
    void aModelListThatIsAPipeOrHugeIsAClearUsageError() throws Exception {
        Path pipe = SpecialFiles.fifo(dir.resolve("lists/pipe.txt"));
        Path huge = SpecialFiles.sparse(dir.resolve("lists/huge.txt"), 3L << 30);

        Cli.Result fromPipe = assertTimeoutPreemptively(SpecialFiles.REFUSAL_TIME,
                () -> Cli.run("render", "--models-from", pipe, good, "-o", out));
        Cli.Result fromHuge = assertTimeoutPreemptively(SpecialFiles.REFUSAL_TIME,
                () -> Cli.run("render", "--models-from", huge, good, "-o", out));

        assertEquals(2, fromPipe.code(), fromPipe::toString);
        assertTrue(fromPipe.err().startsWith("namcl: error: cannot read the model list " + pipe + ": not a regular "
                + "file"), fromPipe::toString);
        assertEquals(2, fromHuge.code(), fromHuge::toString);
        assertTrue(fromHuge.err().startsWith("namcl: error: the model list " + huge + " is over 16 MiB"),
                fromHuge::toString);
        assertFalse(Files.exists(out));
    }

    private static List<String> errors(Cli.Result r) {
        return r.err().lines().filter(l -> l.startsWith("namcl: error: ")).toList();
    }
}
