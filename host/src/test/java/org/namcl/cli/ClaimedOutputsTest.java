package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.render.TestAudio;
import org.namcl.render.TestModels;

/** An output another run has claimed is left to it while that run lives, and taken over once it is gone. */
class ClaimedOutputsTest {
    @TempDir
    Path dir;
    Path model;
    Path input;
    Path out;
    Path claim;
    Path report;

    @BeforeEach
    void files() throws IOException {
        model = TestModels.copy(TestModels.DEMONET, dir.resolve("models"));
        input = TestAudio.write(dir.resolve("in/take.wav"), TestAudio.signal(1000, 1));
        out = dir.resolve("out");
        claim = Files.createDirectories(out.resolve("py__demonet")).resolve(".take.wav.namcl-claim");
        report = dir.resolve("run.json");
    }

    private Cli.Result render() {
        return Cli.run("render", "-m", model, input, "-o", out, "--engine", "cpu", "--report", report);
    }

    @Test
    void anOutputALiveRunHasClaimedIsLeftToIt() throws Exception {
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(claim, Long.toString(other.pid()));

            Cli.Result r = render();

            assertEquals(0, r.code(), r::toString);
            assertTrue(r.err().contains("0 rendered, 0 skipped, 1 left to another namcl run rendering them, 0 failed"),
                    r::toString);
            JsonNode pair = new ObjectMapper().readTree(report.toFile()).get("pairs").get(0);
            assertEquals("other_run", pair.get("status").asText());
            assertEquals("namcl process " + other.pid() + " is rendering it", pair.get("reason").asText());
            assertEquals(List.of(".take.wav.namcl-claim"), RenderBatchTest.files(out.resolve("py__demonet")),
                    "its claim is its own");
        } finally {
            other.destroyForcibly().waitFor();
        }
    }

    @Test
    void theClaimOfARunThatIsGoneIsTakenOverAndRemoved() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(claim, Long.toString(gone.pid()));

        Cli.Result r = render();

        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains("1 rendered, 0 skipped, 0 failed"), r::toString);
        assertFalse(Files.exists(claim));
        assertEquals(List.of("take.wav"), RenderBatchTest.files(out.resolve("py__demonet")));
    }
}
