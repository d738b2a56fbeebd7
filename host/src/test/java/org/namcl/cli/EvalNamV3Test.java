package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.eval.Reamp;
import org.namcl.model.net.WaveNet;
import org.namcl.render.TestAudio;
import org.namcl.render.TestModels;
import org.namcl.testing.Tolerance;

/**
 * NAM v3 handling on a synthetic DI laid out like v3's: silence from 480,000 to 576,000 but for
 * unit blips at samples 504,000 and 552,000, the last 432,000 samples the validation split (the
 * real file's MD5 cannot be made, so these run with --nam-v3).
 */
class EvalNamV3Test {
    static final int N = 1_100_000;
    static final int DELAY = 40;
    static final int VALIDATION = 432_000;

    @TempDir
    Path dir;
    Path model;
    Path di;
    Path target;
    float[] output;
    float[] t;
    int rf;

    @BeforeEach
    void setUp() throws IOException {
        model = TestModels.copy(TestModels.NANO, dir.resolve("models"));
        float[] x = TestAudio.signal(N, 9);
        for (int i = 480_000; i < 576_000; i++) {
            x[i] = 0;
        }
        // negative: this model's first response to them moves away from its output at silence
        x[504_000] = -1;
        x[552_000] = -1;
        di = TestAudio.write(dir.resolve("v3-like.wav"), x);
        WaveNet net = TestModels.net(model);
        rf = net.receptiveField();
        output = TestModels.stream(net, x);
        t = Reamp.target(output, DELAY, 0, 1e-5, DELAY);
        target = TestAudio.write(dir.resolve("reamp.wav"), t);
    }

    @Test
    void theTrainersBlipLatencyAndValidationSplitApply() throws IOException {
        // the fixture's premise: the blips' responses cross the trainer's trigger at the delay, not before
        double background = 0;
        for (int i = 492_000; i < 498_000; i++) {
            background = Math.max(background, Math.abs(t[i]));
        }
        double trigger = Math.max(background + 0.0003, 1.001 * background);
        for (int k = -1000; k <= DELAY; k++) {
            double average = (t[504_000 + k] + t[552_000 + k]) / 2;
            assertEquals(k == DELAY, Math.abs(average) > trigger, "blip scan at " + k);
        }
        int latency = DELAY - 1; // the trainer's safety margin of one sample
        Path json = dir.resolve("eval.json");

        Cli.Result r = Cli.run("eval", "-m", model, "--input", di, "--target", target, "--engine", "cpu",
                "--nam-v3", "--report", json);

        assertEquals(0, r.code(), r::toString);
        JsonNode best = new ObjectMapper().readTree(json.toFile()).get("results").get(0);
        assertEquals(latency, best.get("latency").asInt());
        double wholeEsr = Reamp.esr(output, t, latency, 0, N);
        assertEquals(wholeEsr, best.get("esr").asDouble(), Tolerance.DOUBLE_SUM_RELATIVE * wholeEsr);
        // the split's outputs from its RF-th sample on, as the trainer's model sees only the split
        double validationEsr = Reamp.esr(output, t, latency, N - VALIDATION + rf - 1, N - latency);
        assertEquals(validationEsr, best.get("validation_esr").asDouble(), Tolerance.DOUBLE_SUM_RELATIVE * validationEsr);

        Cli.Result split = Cli.run("eval", "-m", model, "--input", di, "--target", target, "--engine", "cpu",
                "--nam-v3", "--segment", "validation", "--report", json);
        assertEquals(0, split.code(), split::toString);
        JsonNode s = new ObjectMapper().readTree(json.toFile()).get("results").get(0);
        assertEquals(validationEsr, s.get("esr").asDouble(), Tolerance.DOUBLE_SUM_RELATIVE * validationEsr);
        assertEquals(N - VALIDATION + rf - 1, s.get("segment_start").asLong());
        assertEquals(VALIDATION - latency - rf + 1, s.get("segment_length").asLong());
    }

    @Test
    void withoutV3TheCrossCorrelationFindsTheDelayAndNoValidationIsKnown() throws IOException {
        Path json = dir.resolve("eval.json");
        Cli.Result r = Cli.run("eval", "-m", model, "--input", di, "--target", target, "--engine", "cpu",
                "--report", json);

        assertEquals(0, r.code(), r::toString);
        JsonNode best = new ObjectMapper().readTree(json.toFile()).get("results").get(0);
        assertEquals(DELAY, best.get("latency").asInt());
        assertTrue(best.get("validation_esr").isNull(), best::toString);

        Cli.Result split = Cli.run("eval", "-m", model, "--input", di, "--target", target, "--engine", "cpu",
                "--segment", "validation");
        assertEquals(1, split.code(), split::toString);
        assertTrue(split.err().contains("--segment validation needs a NAM v3 training input"), split::toString);
    }

    @Test
    void aShortFileIsNotLaidOutLikeV3() throws IOException {
        Path shortDi = TestAudio.write(dir.resolve("short.wav"), TestAudio.signal(100_000, 1));
        Cli.Result r = Cli.run("eval", "-m", model, "--input", shortDi, "--target", target, "--engine", "cpu",
                "--nam-v3");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains(shortDi + ": not laid out like NAM's v3 input"), r::toString);
    }
}
