package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.render.TestAudio;
import org.namcl.render.TestModels;

/**
 * {@code compare --against}: renders made by {@code render} pass bit for bit; a doctored folder
 * (one sample moved by 1e-3, one file cut short, one with a NaN) fails, each pair named with
 * the frame at fault, and the report's numbers equal a computation in the test.
 */
class CompareCommandTest {
    private static final int FRAMES = 3000;

    @TempDir
    Path dir;
    private Path nano;

    @BeforeEach
    void renderTheBaselines() throws IOException {
        nano = TestModels.copy(TestModels.NANO, dir);
        for (String name : new String[] {"a", "b", "c", "d"}) {
            TestAudio.write(dir.resolve("in/" + name + ".wav"), TestAudio.signal(FRAMES, name.charAt(0)));
        }
        Cli.Result r = Cli.run("render", "-m", nano, dir.resolve("in"), "-o", dir.resolve("ref"), "--engine", "cpu",
                "--quiet");
        assertEquals(0, r.code(), r::toString);
    }

    private Path ref(String name) {
        return dir.resolve("ref/py__nano/" + name + ".wav");
    }

    @Test
    void rendersOfTheSameEngineAreBitIdentical() throws IOException {
        Cli.Result r = Cli.run("compare", "-m", nano, dir.resolve("in"), "--against", dir.resolve("ref"),
                "--report", dir.resolve("r.json"));

        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains("4 pairs compared: 4 passed, 0 failed"), r::toString);
        for (JsonNode p : new ObjectMapper().readTree(dir.resolve("r.json").toFile()).get("pairs")) {
            assertEquals(1.0, p.get("bit_identical_fraction").asDouble(), p::toString);
            assertEquals(0, p.get("max_ulps").asLong());
        }
    }

    @Test
    void aDoctoredFolderFailsNamingEachPairAndItsFrame() throws IOException {
        float[] original = TestAudio.read(ref("b")).channel(0);
        float[] moved = original.clone();
        moved[1234] += 1e-3f;
        TestAudio.write(ref("b"), moved);
        TestAudio.write(ref("c"), Arrays.copyOf(TestAudio.read(ref("c")).channel(0), 2500));
        float[] withNaN = TestAudio.read(ref("d")).channel(0);
        withNaN[777] = Float.NaN;
        TestAudio.writeRawFloat(ref("d"), 48000, withNaN);

        Cli.Result r = Cli.run("compare", "-m", nano, dir.resolve("in"), "--against", dir.resolve("ref"),
                "--report", dir.resolve("r.json"));

        assertEquals(ExitCodes.FAILED, r.code(), r::toString);
        assertTrue(r.err().contains("b.wav on cpu: ESR"), r::toString);
        assertTrue(r.err().contains("at frame 1234"), r::toString);
        assertTrue(r.err().contains("c.wav on cpu: length 3000 frames, baseline 2500"), r::toString);
        assertTrue(r.err().contains("d.wav on cpu:") && r.err().contains("NaN at frame 777"), r::toString);
        assertTrue(r.err().contains("4 pairs compared: 1 passed, 2 failed, 1 could not be compared"), r::toString);

        JsonNode b = pair(new ObjectMapper().readTree(dir.resolve("r.json").toFile()), "b.wav");
        double d = (double) original[1234] - moved[1234];
        double energy = 0;
        double peak = 0;
        for (float v : moved) {
            energy += (double) v * v;
            peak = Math.max(peak, Math.abs(v));
        }
        assertEquals(Math.abs(d), b.get("max_abs").asDouble(), 0);
        assertEquals(1234, b.get("worst_frame").asLong());
        assertEquals(1234 / 48000.0, b.get("worst_seconds").asDouble(), 1e-12);
        assertEquals(d * d / energy, b.get("esr").asDouble(), 1e-12 * d * d / energy);
        assertEquals(Math.abs(d) / peak, b.get("max_abs_per_peak").asDouble(), 1e-12);
        assertEquals((FRAMES - 1) / (double) FRAMES, b.get("bit_identical_fraction").asDouble(), 1e-12);
        assertEquals("fail", b.get("verdict").asText());
    }

    private static JsonNode pair(JsonNode report, String input) {
        for (JsonNode p : report.get("pairs")) {
            if (p.get("input").asText().endsWith(input)) {
                return p;
            }
        }
        throw new AssertionError("no pair for " + input + " in " + report);
    }

    @Test
    void aBaselineMissingFromTheFolderIsNamed() throws IOException {
        java.nio.file.Files.delete(ref("a"));

        Cli.Result r = Cli.run("compare", "-m", nano, dir.resolve("in/a.wav"), "--against", dir.resolve("ref"));

        assertEquals(ExitCodes.FAILED, r.code(), r::toString);
        assertTrue(r.err().contains("no baseline render: " + ref("a")), r::toString);
    }

    @Test
    void oneSideWithoutAFolderAndBadTolerancesAreUsageErrors() {
        Cli.Result one = Cli.run("compare", "-m", nano, dir.resolve("in"), "--sides", "cpu");
        Cli.Result tol = Cli.run("compare", "-m", nano, dir.resolve("in"), "--against", dir.resolve("ref"),
                "--tolerance", "esr=often");

        assertEquals(ExitCodes.USAGE, one.code(), one::toString);
        assertTrue(one.err().contains("--sides needs two sides"), one::toString);
        assertEquals(ExitCodes.USAGE, tol.code(), tol::toString);
        assertTrue(tol.err().contains("--tolerance: 'often' is not a number"), tol::toString);
    }
}
