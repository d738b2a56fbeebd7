package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.render.TestAudio;
import org.namcl.render.TestModels;

/** Batches: pairs, paths, folders, resuming, the summary and the report. */
class RenderBatchTest {
    @TempDir
    Path dir;
    Path demonet;
    Path nano;
    Path out;

    @BeforeEach
    void models() {
        demonet = TestModels.copy(TestModels.DEMONET, dir.resolve("models"));
        nano = TestModels.copy(TestModels.NANO, dir.resolve("models"));
        out = dir.resolve("out");
    }

    @Test
    void theReportDescribesWhatWasWrittenWithTailAndDownmix() throws IOException {
        Path stereo = TestAudio.write(dir.resolve("in/stereo.wav"), TestAudio.signal(3000, 1), TestAudio.signal(3000, 2));
        Path report = dir.resolve("report.json");
        int rf = TestModels.net(nano).receptiveField();

        Cli.Result r = Cli.run("render", "-m", nano, stereo, "-o", dir.resolve("out"), "--engine", "cpu", "--tail",
                "--mix", "mono", "--report", report);

        assertEquals(0, r.code(), r::toString);
        JsonNode pair = new ObjectMapper().readTree(report.toFile()).get("pairs").get(0);
        assertEquals(3000 + rf, pair.get("frames").asLong(), "the input's frames and the tail's");
        assertEquals(1, pair.get("channels").asInt(), "the downmix");
        assertEquals(3000 / 48000.0, pair.get("seconds").asDouble(), 1e-6, "the input's length");
        var written = TestAudio.read(dir.resolve("out/py__nano/stereo.wav"));
        assertEquals(written.frames(), pair.get("frames").asLong());
    }

    @Test
    void rendersEveryFileThroughEveryModel() throws IOException {
        Path a = TestAudio.write(dir.resolve("in/a.wav"), TestAudio.signal(4800, 1));
        Path b = TestAudio.write(dir.resolve("in/b.wav"), TestAudio.signal(7001, 2));

        Cli.Result r = Cli.run("render", "-m", demonet, "-m", nano, a, b, "-o", out, "--engine", "cpu",
                "--threads", 2);

        assertEquals(0, r.code(), r::toString);
        for (String model : List.of("py__demonet", "py__nano")) {
            assertEquals(4800, TestAudio.read(out.resolve(model).resolve("a.wav")).frames());
            assertEquals(7001, TestAudio.read(out.resolve(model).resolve("b.wav")).frames());
        }
        assertEquals(List.of("py__demonet/a.wav", "py__demonet/b.wav", "py__nano/a.wav", "py__nano/b.wav"),
                files(out));
        assertTrue(r.err().contains("4 rendered, 0 skipped, 0 failed; 0.5 s of audio in"), r::toString);
        assertTrue(r.err().contains("x real time"), r::toString);
    }

    @Test
    void aFolderOfModelsRendersThroughEveryModelInItOnce() throws IOException {
        TestModels.copy(TestModels.SLIMMABLE, dir.resolve("models/more"));
        Path a = TestAudio.write(dir.resolve("in/a.wav"), TestAudio.signal(1000, 1));

        Cli.Result r = Cli.run("render", "-m", dir.resolve("models"), "-m", demonet, a, "-o", out, "--engine", "cpu");

        assertEquals(0, r.code(), r::toString);
        assertEquals(List.of("py__demonet/a.wav", "py__nano/a.wav", "py__slimmable/a.wav"), files(out));
        assertTrue(r.err().contains("3 rendered, 0 skipped, 0 failed"), r::toString);
    }

    @Test
    void modelsFromAListRelativeToTheListsFolder() throws IOException {
        Path list = Files.writeString(dir.resolve("models/favourites.txt"), "# the small one\n\npy__nano.nam\n");
        Path a = TestAudio.write(dir.resolve("in/a.wav"), TestAudio.signal(1000, 1));

        Cli.Result onlyList = Cli.run("render", "--models-from", list, a, "-o", out, "--engine", "cpu");
        Cli.Result withModel = Cli.run("render", "--models-from", list, "-m", demonet, a, "-o", out,
                "--engine", "cpu");

        assertEquals(0, onlyList.code(), onlyList::toString);
        assertTrue(onlyList.err().contains("1 rendered, 0 skipped, 0 failed"), onlyList::toString);
        assertEquals(0, withModel.code(), withModel::toString);
        assertTrue(withModel.err().contains("1 rendered, 1 skipped"), withModel::toString);
        assertTrue(withModel.err().contains(" 0 failed"), withModel::toString);
        assertEquals(List.of("py__demonet/a.wav", "py__nano/a.wav"), files(out));
    }

    @Test
    void foldersAreSearchedRecursivelyAndKeepTheirStructure() throws IOException {
        Path in = dir.resolve("takes");
        TestAudio.write(in.resolve("x.wav"), TestAudio.signal(500, 1));
        TestAudio.write(in.resolve("sub/y.WAV"), TestAudio.signal(600, 2));
        TestAudio.write(in.resolve("sub/deeper/z.Wav"), TestAudio.signal(700, 3));
        Files.writeString(in.resolve("notes.txt"), "not audio");
        Files.writeString(in.resolve("sub/._y.wav"), "macOS resource fork, not audio");
        Path single = TestAudio.write(dir.resolve("elsewhere/one.wav"), TestAudio.signal(800, 4));

        Cli.Result r = Cli.run("render", "-m", demonet, in, single, "-o", out, "--engine", "cpu");

        assertEquals(0, r.code(), r::toString);
        assertEquals(List.of("py__demonet/one.wav", "py__demonet/sub/deeper/z.wav", "py__demonet/sub/y.wav",
                "py__demonet/x.wav"), files(out));
        assertEquals(600, TestAudio.read(out.resolve("py__demonet/sub/y.wav")).frames());
    }

    @Test
    void anOutputFolderInsideTheInputFolderIsNotTakenAsInput() throws IOException {
        Path in = dir.resolve("takes");
        TestAudio.write(in.resolve("x.wav"), TestAudio.signal(500, 1));
        Path inner = in.resolve("rendered");

        assertEquals(0, Cli.run("render", "-m", demonet, in, "-o", inner, "--engine", "cpu").code());
        Cli.Result again = Cli.run("render", "-m", demonet, "-m", nano, in, "-o", inner, "--engine", "cpu");

        assertEquals(0, again.code(), again::toString);
        assertTrue(again.err().contains("1 rendered, 1 skipped"), again::toString);
        assertTrue(again.err().contains(" 0 failed"), again::toString);
        assertEquals(List.of("py__demonet/x.wav", "py__nano/x.wav"), files(inner));
    }

    @Test
    void existingOutputsAreSkippedUnlessOverwriting() throws IOException {
        Path in = dir.resolve("in");
        TestAudio.write(in.resolve("a.wav"), TestAudio.signal(1000, 1));
        TestAudio.write(in.resolve("b.wav"), TestAudio.signal(1000, 2));
        assertEquals(0, Cli.run("render", "-m", demonet, in, "-o", out, "--engine", "cpu").code());
        Path a = out.resolve("py__demonet/a.wav");
        Path b = out.resolve("py__demonet/b.wav");
        Files.delete(b); // as if the first run had been interrupted before b
        FileTime aWritten = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(a, aWritten);

        Cli.Result resumed = Cli.run("render", "-m", demonet, in, "-o", out, "--engine", "cpu");

        assertEquals(0, resumed.code(), resumed::toString);
        assertTrue(resumed.err().contains("1 rendered, 1 skipped"), resumed::toString);
        assertTrue(resumed.err().contains("--overwrite"), resumed::toString);
        assertEquals(aWritten, Files.getLastModifiedTime(a), "a is kept as it was");
        assertEquals(1000, TestAudio.read(b).frames());

        Cli.Result overwritten = Cli.run("render", "-m", demonet, in, "-o", out, "--engine", "cpu", "--overwrite");

        assertEquals(0, overwritten.code(), overwritten::toString);
        assertTrue(overwritten.err().contains("2 rendered, 0 skipped"), overwritten::toString);
        assertNotEquals(aWritten, Files.getLastModifiedTime(a));
        assertEquals(1000, TestAudio.read(a).frames());
    }

    @Test
    void quietPrintsNothingWhenAllIsWell() throws IOException {
        Path a = TestAudio.write(dir.resolve("in/a.wav"), TestAudio.signal(1000, 1));

        Cli.Result r = Cli.run("render", "-q", "-m", demonet, a, "-o", out, "--engine", "auto");

        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err());
        assertEquals("", r.out());
    }

    @Test
    void autoEngineRendersAndSaysWhereWhenOpenClIsNotUsed() throws IOException {
        Path a = TestAudio.write(dir.resolve("in/a.wav"), TestAudio.signal(1000, 1));

        Cli.Result r = Cli.run("render", "-m", demonet, a, "-o", out);

        assertEquals(0, r.code(), r::toString);
        assertTrue(Files.exists(out.resolve("py__demonet/a.wav")));
        r.err().lines().filter(l -> l.contains("rendering on the CPU"))
                .forEach(l -> assertTrue(l.startsWith("namcl: "), l));
    }

    @Test
    void theReportListsEveryPair() throws IOException {
        Path good = TestAudio.write(dir.resolve("in/good.wav"), TestAudio.signal(2400, 1));
        Path bad = Files.writeString(dir.resolve("in/bad.wav"), "not a wav file");
        Path skipped = TestAudio.write(dir.resolve("in/old.wav"), TestAudio.signal(100, 2));
        assertEquals(0, Cli.run("render", "-m", demonet, skipped, "-o", out, "--engine", "cpu", "--format", "pcm24")
                .code(), "rendered earlier");
        Path report = dir.resolve("reports/run.json"); // the folder is created

        Cli.Result r = Cli.run("render", "-m", demonet, good, bad, skipped, "-o", out, "--engine", "cpu",
                "--threads", 1, "--format", "pcm24", "--report", report);

        assertEquals(1, r.code(), r::toString);
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertEquals(Version.get(), json.get("namcl_version").asText());
        assertTrue(json.get("engine").asText().startsWith("CPU"), json::toString);
        assertFalse(json.get("started").asText().isEmpty());
        assertEquals("pcm24", json.at("/options/format").asText());
        assertEquals("cpu", json.at("/options/engine").asText());
        assertEquals(1, json.at("/options/threads").asInt());
        assertTrue(json.get("arguments").toString().contains("--report"));
        assertEquals(1, json.at("/summary/rendered").asInt());
        assertEquals(1, json.at("/summary/skipped").asInt());
        assertEquals(1, json.at("/summary/failed").asInt());

        JsonNode pairs = json.get("pairs");
        assertEquals(3, pairs.size());
        JsonNode p0 = pairs.get(0);
        assertEquals(good.toString(), p0.get("input").asText());
        assertEquals(demonet.toString(), p0.get("model").asText());
        assertEquals(out.resolve("py__demonet/good.wav").toString(), p0.get("output").asText());
        assertEquals("rendered", p0.get("status").asText());
        assertEquals(2400, p0.get("frames").asLong());
        assertEquals(1, p0.get("channels").asInt());
        assertEquals(48000, p0.get("sample_rate").asInt());
        assertEquals(0.05, p0.get("seconds").asDouble(), 1e-12);
        assertTrue(p0.get("wall_seconds").asDouble() > 0);
        assertEquals("cpu", p0.get("engine").asText());
        assertTrue(p0.get("error").isNull());

        assertEquals("failed", pairs.get(1).get("status").asText());
        assertTrue(pairs.get(1).get("error").asText().contains("RIFF")
                || pairs.get(1).get("error").asText().toLowerCase().contains("wav"), pairs::toString);
        assertEquals("skipped", pairs.get(2).get("status").asText());
        assertTrue(pairs.get(2).get("frames").isNull());
        try (Stream<Path> s = Files.list(report.getParent())) {
            assertEquals(List.of(report), s.toList(), "no temporary file is left next to the report");
        }
    }

    @Test
    void aReportIsWrittenEvenWhenThereIsNothingToRender() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path report = dir.resolve("run.json");

        Cli.Result r = Cli.run("render", "-m", demonet, empty, "-o", out, "--report", report);

        assertEquals(3, r.code(), r::toString);
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertEquals(0, json.get("pairs").size());
        assertEquals("none", json.get("engine").asText());
    }

    /** Files under {@code root}, relative, with / separators, sorted. */
    static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
