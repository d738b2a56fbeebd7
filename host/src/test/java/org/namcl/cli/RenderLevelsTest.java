package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.render.TestAudio;
import org.namcl.render.TestModels;

/** render measures every output's levels: in the report, in the summary, and a warning past 0 dBFS. */
class RenderLevelsTest {
    @TempDir
    Path dir;
    Path model;
    Path input;
    Path report;

    @BeforeEach
    void files() throws IOException {
        model = TestModels.copy(TestModels.DEMONET, dir.resolve("models"));
        input = TestAudio.write(dir.resolve("take.wav"), TestAudio.signal(4800, 3), TestAudio.signal(4800, 4));
        report = dir.resolve("run.json");
    }

    private Cli.Result render(String... options) {
        java.util.List<Object> args = new java.util.ArrayList<>(java.util.List.of("render", "-m", model, input, "-o",
                dir.resolve("out"), "--engine", "cpu", "--overwrite", "--report", report));
        args.addAll(java.util.List.of(options));
        return Cli.run(args.toArray());
    }

    private JsonNode levels() throws IOException {
        return new ObjectMapper().readTree(report.toFile()).get("pairs").get(0).get("levels");
    }

    @Test
    void theReportGivesTheLevelsOfTheFileWritten() throws IOException {
        Cli.Result r = render("--output-gain", "70");

        assertEquals(0, r.code(), r::toString);
        float[][] out = TestAudio.read(dir.resolve("out/py__demonet/take.wav")).channels();
        double peak = 0;
        double sum = 0;
        double squares = 0;
        long over = 0;
        for (float[] channel : out) {
            for (float x : channel) {
                peak = Math.max(peak, Math.abs(x));
                sum += x;
                squares += (double) x * x;
                over += Math.abs(x) > 1 ? 1 : 0;
            }
        }
        int n = out.length * out[0].length;
        JsonNode levels = levels();
        assertEquals(20 * Math.log10(peak), levels.get("peak_dbfs").asDouble(), 0.005);
        assertEquals(20 * Math.log10(Math.sqrt(squares / n)), levels.get("rms_dbfs").asDouble(), 0.005);
        assertEquals(sum / n, levels.get("dc").asDouble(), 5e-7);
        assertTrue(over > 0, "the gain takes the output past full scale");
        assertEquals(over, levels.get("samples_over_full_scale").asLong());
        assertTrue(r.err().contains("namcl: warning: " + dir.resolve("out/py__demonet/take.wav") + ": " + over
                + " samples beyond full scale (peak +"), r::toString);
        assertTrue(r.err().contains("namcl: levels: loudest output " + dir.resolve("out/py__demonet/take.wav")
                + ": peak +"), r::toString);
        assertTrue(r.err().contains("; 1 of 1 outputs beyond full scale\n"), r::toString);
    }

    @Test
    void aQuietFloatOutputGetsNoWarningAndPcmClippingItsOwn() throws IOException {
        Cli.Result quiet = render();
        Cli.Result pcm = render("--output-gain", "70", "--format", "pcm16");

        assertFalse(quiet.err().contains("warning"), quiet::toString);
        assertTrue(quiet.err().contains("; 0 of 1 outputs beyond full scale"), quiet::toString);
        assertTrue(pcm.err().contains("samples clipped to the PCM range"), pcm::toString);
        assertFalse(pcm.err().contains("players clip them"), "one warning for one problem:\n" + pcm);
    }

    @Test
    void reportNumbersCarryMeaningfulDigitsOnly() throws IOException {
        render();

        JsonNode root = new ObjectMapper().readTree(report.toFile());
        JsonNode pair = root.get("pairs").get(0);
        assertTrue(decimals(root.get("wall_seconds")) <= 3, root::toString);
        assertTrue(decimals(pair.get("wall_seconds")) <= 3, pair::toString);
        assertTrue(decimals(pair.get("levels").get("peak_dbfs")) <= 2, pair::toString);
        assertTrue(decimals(pair.get("levels").get("rms_dbfs")) <= 2, pair::toString);
        assertTrue(decimals(pair.get("levels").get("dc")) <= 6, pair::toString);
    }

    private static int decimals(JsonNode number) {
        return Math.max(0, new BigDecimal(number.asText()).stripTrailingZeros().scale());
    }
}
