package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.namcl.opencl.OpenClTestSupport;
import org.namcl.render.TestAudio;
import org.namcl.render.TestModels;

/** Real namcl processes killed, signalled, or run two at once on one batch: nothing is lost or left behind. */
class ChildProcessTest {
    /** Files of 10 s at 48 kHz: each takes a while to render, so a signal finds one being written. */
    private static final int FRAMES = 480_000;

    @TempDir
    Path dir;
    Path model;
    Path in;
    Path out;

    @BeforeEach
    void batch() throws IOException {
        model = TestModels.copy(TestModels.NANO, dir.resolve("models"));
        in = dir.resolve("in");
        out = dir.resolve("out");
    }

    private List<String> inputs(int n) throws IOException {
        return inputs(n, FRAMES);
    }

    private List<String> inputs(int n, int frames) throws IOException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TestAudio.write(in.resolve("take" + i + ".wav"), TestAudio.signal(frames, i));
            names.add("py__nano/take" + i + ".wav");
        }
        return names;
    }

    private static boolean temporary(String name) {
        return name.endsWith(".partial");
    }

    @Test
    void afterKillNineARerunRemovesWhatWasLeftAndCompletesTheBatch() throws Exception {
        int frames = 4 * FRAMES; // pairs long enough that the kill lands while one is in flight, even on a busy machine
        List<String> outputs = inputs(6, frames);
        Path log = dir.resolve("killed.log");
        Process p = NamclProcess.start(log, "render", "-m", model, in, "-o", out, "--engine", "cpu", "--threads", 1);
        NamclProcess.awaitFile(out, ChildProcessTest::temporary, p, log);

        p.destroyForcibly(); // SIGKILL: no shutdown hook runs
        NamclProcess.await(p, log);
        List<String> left = NamclProcess.hidden(out);
        // a temporary file named for the killed process, or the claim of a pair it was about to write or had just written
        assertTrue(left.stream().anyMatch(n -> n.contains(".namcl-" + p.pid() + "-") || n.endsWith(".namcl-claim")),
                left::toString);

        Cli.Result rerun = Cli.run("render", "-m", model, in, "-o", out, "--engine", "cpu");

        assertEquals(0, rerun.code(), rerun::toString);
        assertTrue(rerun.err().contains("by a namcl run that was killed"), rerun::toString);
        assertEquals(List.of(), NamclProcess.hidden(out), "no debris");
        assertEquals(outputs, NamclProcess.names(out));
        for (String o : outputs) {
            assertEquals(frames, TestAudio.read(out.resolve(o)).frames(), o);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "opencl"})
    void sigtermLeavesNoTemporaryFileNorClaimAndOnlyCompleteOutputs(String engine) throws Exception {
        if (engine.equals("opencl")) {
            OpenClTestSupport.requireDevice();
        }
        // files longer than OpenCL packs (30 s): each streams through alone, so when one is
        // stopped the next output is opened at once
        int files = 6;
        int frames = 40 * 48_000;
        inputs(files, frames);
        Path log = dir.resolve("terminated.log");
        Path stopped = dir.resolve("stopped-at");
        Process p = NamclProcess.start(SlowShutdownMain.class, log, stopped, "render", "-m", model, in, "-o", out,
                "--engine", engine, "--threads", 1);
        NamclProcess.awaitFile(out, ChildProcessTest::temporary, p, log);

        p.destroy(); // SIGTERM
        int code = NamclProcess.await(p, log);

        assertTrue(code != 0, "a stopped run does not claim success");
        assertEquals(List.of(), NamclProcess.hidden(out), NamclProcess.read(log));
        assertFalse(NamclProcess.read(log).contains("namcl: error"), "pairs stopped by the signal are not errors: "
                + NamclProcess.read(log));
        long shutdown = Long.parseLong(Files.readString(stopped));
        List<String> done = NamclProcess.names(out);
        assertTrue(done.size() < files, "it stopped before the end: " + done);
        for (String o : done) {
            assertEquals(frames, TestAudio.read(out.resolve(o)).frames(), o);
            long written = Files.getLastModifiedTime(out.resolve(o)).toMillis();
            // within timestamp granularity: a shutdown that lets outputs through lasts seconds
            assertTrue(written < shutdown + 200, o + " was completed " + (written - shutdown) + " ms after the "
                    + "shutdown began");
        }
    }

    @Test
    void twoRunsOnOneBatchSplitItAndLeaveNoClaims() throws Exception {
        List<String> outputs = inputs(10);
        Path[] logs = {dir.resolve("a.log"), dir.resolve("b.log")};
        Path[] reports = {dir.resolve("a.json"), dir.resolve("b.json")};
        Process[] runs = new Process[2];
        for (int i = 0; i < 2; i++) {
            runs[i] = NamclProcess.start(logs[i], "render", "-m", model, in, "-o", out, "--engine", "cpu",
                    "--threads", 1, "--report", reports[i]);
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(0, NamclProcess.await(runs[i], logs[i]), NamclProcess.read(logs[i]));
        }

        JsonNode[] pairs = new JsonNode[2];
        int[] rendered = new int[2];
        for (int i = 0; i < 2; i++) {
            pairs[i] = new ObjectMapper().readTree(reports[i].toFile()).get("pairs");
            for (JsonNode pair : pairs[i]) {
                rendered[i] += pair.get("status").asText().equals("rendered") ? 1 : 0;
            }
        }
        for (int k = 0; k < outputs.size(); k++) {
            String a = pairs[0].get(k).get("status").asText();
            String b = pairs[1].get(k).get("status").asText();
            assertTrue(a.equals("rendered") != b.equals("rendered"), "rendered by exactly one run: " + a + ", " + b);
            assertFalse(a.equals("failed") || b.equals("failed"), a + ", " + b);
        }
        assertTrue(rendered[0] > 0 && rendered[1] > 0, "both runs worked: " + rendered[0] + " and " + rendered[1]);
        assertEquals(outputs, NamclProcess.names(out), "no claim is left");
    }
}
