package org.namcl.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.audio.SampleEncoding;
import org.namcl.audio.WavFormat;
import org.namcl.audio.WavWriter;
import org.namcl.cli.Main;
import org.namcl.cpu.WaveNetStreamer;
import org.namcl.eval.Reamp;
import org.namcl.model.NamLoader;
import org.namcl.model.net.WaveNet;
import org.namcl.opencl.DeviceInfo;
import org.namcl.opencl.OpenClTestSupport;
import org.namcl.gen.TestSignals;
import org.namcl.testing.Tolerance;

/**
 * {@code namcl eval --engine opencl} scores as the CPU engine does: the same latencies and ranking,
 * ESRs within float32 rounding.
 */
class OpenClEvalTest {
    @TempDir
    Path dir;

    @Test
    void openClAndCpuScoreAlike() throws IOException {
        DeviceInfo device = OpenClTestSupport.requireDevice();
        Path models = Files.createDirectories(dir.resolve("models"));
        for (String name : new String[] {"py__film_all.nam", "py__gated.nam", "py__demonet.nam"}) {
            Files.copy(ReferenceSet.bundled().resolve("models").resolve(name), models.resolve(name));
        }
        float[] x = TestSignals.mixed(48_000, 3);
        WaveNet best = NamLoader.load(models.resolve("py__gated.nam")).resolve(WaveNet.class);
        float[] y = new float[x.length];
        new WaveNetStreamer(best).process(x, y, x.length);
        Path di = write(dir.resolve("di.wav"), x);
        // 50 ms longer than the DI: every latency auto can find is covered
        Path target = write(dir.resolve("target.wav"), Reamp.target(y, 12, 0, 1e-4, 2400));

        Map<String, JsonNode> results = new HashMap<>();
        for (String engine : new String[] {"opencl", "cpu"}) {
            Path json = dir.resolve(engine + ".json");
            int code = Main.commandLine().execute("eval", "-m", models.toString(), "--input", di.toString(),
                    "--target", target.toString(), "--engine", engine, "--device", String.valueOf(device.index()),
                    "--report", json.toString(), "--quiet");
            assertEquals(0, code, engine);
            results.put(engine, new ObjectMapper().readTree(json.toFile()).get("results"));
        }
        JsonNode cl = results.get("opencl");
        JsonNode cpu = results.get("cpu");
        assertEquals("py__gated", cpu.get(0).get("model_name").asText());
        for (int i = 0; i < cpu.size(); i++) {
            assertEquals(cpu.get(i).get("model_name").asText(), cl.get(i).get("model_name").asText());
            assertEquals(cpu.get(i).get("latency").asInt(), cl.get(i).get("latency").asInt());
        }
        // the outputs differ by at most ESR MAX_ESR, so (target and output of one scale) the ESRs by
        // at most 2 sqrt(MAX_ESR * esr) + MAX_ESR
        double esr = cpu.get(0).get("esr").asDouble();
        assertEquals(esr, cl.get(0).get("esr").asDouble(), 2 * Math.sqrt(Tolerance.MAX_ESR * esr) + Tolerance.MAX_ESR);
        assertTrue(esr < 0.01, cpu::toString);
    }

    private static Path write(Path file, float[] x) throws IOException {
        try (WavWriter w = WavWriter.create(file, new WavFormat(1, 48000, SampleEncoding.FLOAT32))) {
            w.write(new float[][] {x}, 0, x.length);
            w.commit();
        }
        return file;
    }
}
