package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.audio.Resampler;
import org.namcl.audio.SampleEncoding;
import org.namcl.eval.Reamp;
import org.namcl.render.TestAudio;
import org.namcl.render.TestModels;
import org.namcl.testing.Tolerance;

/** {@code namcl eval} end to end: a target made from one model's output ranks that model first. */
class EvalCommandTest {
    static final int N = 48_000;
    static final int DELAY = 12;
    static final double GAIN_DB = -0.5;

    @TempDir
    Path dir;
    Path models;
    Path di;
    Path target;
    float[] output;

    @BeforeEach
    void setUp() throws IOException {
        models = dir.resolve("models");
        Path nano = TestModels.copy(TestModels.NANO, models);
        TestModels.copy(TestModels.DEMONET, models);
        TestModels.copy(TestModels.SLIMMABLE, models);
        float[] x = TestAudio.signal(N, 3);
        di = TestAudio.write(dir.resolve("di.wav"), x);
        output = TestModels.stream(TestModels.net(nano), x);
        target = TestAudio.write(dir.resolve("target.wav"), Reamp.target(output, DELAY, GAIN_DB, 1e-4, 100));
    }

    @Test
    void theModelATargetCameFromRanksFirstWithItsDelayGainAndEsr() throws IOException {
        Path json = dir.resolve("eval.json");
        Path csv = dir.resolve("eval.csv");
        Cli.Result r = Cli.run("eval", "-m", models, "--input", di, "--target", target, "--engine", "cpu",
                "--report", json, "--csv", csv);

        assertEquals(0, r.code(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).contains("ESR") && lines.get(1).contains("py__nano"), r::toString);
        JsonNode results = new ObjectMapper().readTree(json.toFile()).get("results");
        assertEquals(3, results.size());
        JsonNode best = results.get(0);
        assertEquals("py__nano", best.get("model_name").asText());
        assertEquals(DELAY, best.get("latency").asInt());
        assertEquals(GAIN_DB, best.get("gain_db").asDouble(), Tolerance.EVAL_GAIN_DB);
        float[] t = TestAudio.read(target).channels()[0];
        double esr = Reamp.esr(output, t, DELAY, 0, N);
        assertEquals(esr, best.get("esr").asDouble(), Tolerance.DOUBLE_SUM_RELATIVE * esr);
        assertTrue(results.get(1).get("esr").asDouble() > 10 * esr, results::toString);

        List<String> rows = Files.readAllLines(csv);
        assertEquals(4, rows.size());
        assertTrue(rows.get(0).startsWith("model,model_name,"), rows::toString);
        assertTrue(rows.get(1).contains("py__nano") && rows.get(1).contains(",12,"), rows::toString);
    }

    @Test
    void aForcedLatencyIsApplied() throws IOException {
        Path json = dir.resolve("eval.json");
        Cli.Result r = Cli.run("eval", "-m", models.resolve(TestModels.NANO), "--input", di, "--target", target,
                "--engine", "cpu", "--latency", "0", "--report", json);

        assertEquals(0, r.code(), r::toString);
        JsonNode best = new ObjectMapper().readTree(json.toFile()).get("results").get(0);
        assertEquals(0, best.get("latency").asInt());
        double esr = Reamp.esr(output, TestAudio.read(target).channels()[0], 0, 0, N);
        assertEquals(esr, best.get("esr").asDouble(), Tolerance.DOUBLE_SUM_RELATIVE * esr);
    }

    @Test
    void foldersArePairedByRelativePath() throws IOException {
        Path dis = dir.resolve("dis");
        Path targets = dir.resolve("targets");
        Files.createDirectories(dis.resolve("a"));
        Files.copy(di, dis.resolve("a/take.wav"));
        Files.createDirectories(targets.resolve("a"));
        Files.copy(target, targets.resolve("a/take.wav"));
        Path json = dir.resolve("eval.json");

        Cli.Result r = Cli.run("eval", "-m", models.resolve(TestModels.NANO), "--input", dis, "--target", targets,
                "--engine", "cpu", "--report", json);

        assertEquals(0, r.code(), r::toString);
        JsonNode best = new ObjectMapper().readTree(json.toFile()).get("results").get(0);
        assertEquals(Path.of("a/take.wav").toString(), best.get("pair").asText());
        assertEquals(DELAY, best.get("latency").asInt());
    }

    @Test
    void badInputsFailOneLineEachAndTheRestIsScored() throws IOException {
        Path missing = dir.resolve("missing.wav");
        Path rate = TestAudio.write(dir.resolve("rate.wav"), 44_100, SampleEncoding.FLOAT32,
                TestAudio.read(target).channels()[0]);
        Path tooShort = TestAudio.write(dir.resolve("short.wav"), Arrays.copyOf(TestAudio.read(target).channels()[0], N));
        Path silent = TestAudio.write(dir.resolve("silent.wav"), new float[N + 100]);
        Path badModel = Files.writeString(models.resolve("broken.nam"), "{ not a model");
        List<String> csvLines = new ArrayList<>(List.of("input,target"));
        for (Path t : List.of(target, missing, rate, tooShort, silent)) {
            csvLines.add(di.getFileName() + "," + t.getFileName());
        }
        Path pairs = Files.write(dir.resolve("pairs.csv"), csvLines);
        Path json = dir.resolve("eval.json");

        Cli.Result r = Cli.run("eval", "-m", models.resolve(TestModels.NANO), "-m", badModel, "--pairs", pairs,
                "--engine", "cpu", "--report", json);

        assertEquals(1, r.code(), r::toString);
        List<String> errors = r.err().lines().filter(l -> l.startsWith("namcl: error:")).toList();
        assertEquals(5, errors.size(), r::toString);
        assertTrue(errors.stream().anyMatch(l -> l.contains(missing.toString()) && l.contains("no target")), r::toString);
        assertTrue(errors.stream().anyMatch(l -> l.contains(rate.toString()) && l.contains("sample rate")), r::toString);
        assertTrue(errors.stream().anyMatch(l -> l.contains(tooShort.toString()) && l.contains("too short")), r::toString);
        assertTrue(errors.stream().anyMatch(l -> l.contains(silent.toString()) && l.contains("ESR is undefined")),
                r::toString);
        assertTrue(errors.stream().anyMatch(l -> l.contains(badModel.toString())), r::toString);
        JsonNode best = new ObjectMapper().readTree(json.toFile()).get("results").get(0);
        assertEquals("py__nano", best.get("model_name").asText());
        assertEquals(target.toString(), best.get("target").asText());
        assertEquals(DELAY, best.get("latency").asInt());
        assertEquals("great", best.get("verdict").asText());
    }

    @Test
    void withResampleADiAtAnotherRateGoesThroughTheModelAtItsRate() throws IOException {
        int n = 44_100;
        float[] x = TestAudio.signal(n, 5);
        Path di44 = TestAudio.write(dir.resolve("di44.wav"), 44_100, SampleEncoding.FLOAT32, x);
        // what the model makes of the DI at its 48 kHz, brought back to the DI's rate
        float[] y = TestModels.stream(TestModels.net(models.resolve(TestModels.NANO)),
                Resampler.resample(x, 44_100, 48_000));
        float[] expected = Arrays.copyOf(Resampler.resample(y, 48_000, 44_100), n);
        float[] t = Reamp.target(expected, DELAY, GAIN_DB, 1e-4, 100);
        Path target44 = TestAudio.write(dir.resolve("target44.wav"), 44_100, SampleEncoding.FLOAT32, t);
        Path json = dir.resolve("eval.json");

        Cli.Result refused = Cli.run("eval", "-m", models.resolve(TestModels.NANO), "--input", di44, "--target",
                target44, "--engine", "cpu");
        assertEquals(1, refused.code(), refused::toString);
        assertTrue(refused.err().contains("use --resample"), refused::toString);

        Cli.Result r = Cli.run("eval", "-m", models.resolve(TestModels.NANO), "--input", di44, "--target", target44,
                "--engine", "cpu", "--resample", "--report", json);
        assertEquals(0, r.code(), r::toString);
        JsonNode best = new ObjectMapper().readTree(json.toFile()).get("results").get(0);
        assertEquals(DELAY, best.get("latency").asInt());
        double esr = Reamp.esr(expected, t, DELAY, 0, n);
        assertEquals(esr, best.get("esr").asDouble(), Tolerance.DOUBLE_SUM_RELATIVE * esr);
    }

    @Test
    void theModelsOwnValidationEsrIsShownBesideItsScore() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode nam = (ObjectNode) mapper.readTree(models.resolve(TestModels.NANO).toFile());
        nam.putObject("metadata").putObject("training").put("validation_esr", 0.0123);
        Path trained = dir.resolve("trained.nam");
        mapper.writeValue(trained.toFile(), nam);
        Path json = dir.resolve("eval.json");

        Cli.Result r = Cli.run("eval", "-m", trained, "--input", di, "--target", target, "--engine", "cpu",
                "--report", json);

        assertEquals(0, r.code(), r::toString);
        assertEquals(0.0123, new ObjectMapper().readTree(json.toFile()).get("results").get(0)
                .get("model_validation_esr").asDouble());
        assertTrue(r.out().lines().skip(1).findFirst().orElseThrow().contains("0.01230"), r::toString);
    }

    @Test
    void aBadOptionIsAUsageError() {
        Cli.Result r = Cli.run("eval", "-m", models, "--input", di, "--target", target, "--latency", "soon");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("--latency must be auto or a whole number"), r::toString);
    }
}
