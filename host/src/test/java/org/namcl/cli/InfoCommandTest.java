package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.render.TestModels;

class InfoCommandTest {
    @TempDir
    Path dir;

    @Test
    void describesAWaveNet() {
        Path nano = TestModels.copy(TestModels.NANO, dir);

        Cli.Result r = Cli.run("info", nano);

        assertEquals(0, r.code(), r::toString);
        String out = r.out();
        assertTrue(out.startsWith(nano + "\n"), out);
        assertLine(out, "architecture", "WaveNet, .nam version 0.7.0");
        assertLine(out, "sample rate", "48000 Hz");
        assertLine(out, "receptive field", "4093 samples (85.3 ms)");
        assertLine(out, "parameters", "842");
        assertLine(out, "layer array 1", "");
        assertLine(out, "channels", "4 (input 1, condition 1, bottleneck 4)");
        assertLine(out, "dilations", "128, 256, 512, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512");
        assertLine(out, "kernel sizes", "3");
        assertLine(out, "activation", "Tanh");
        assertLine(out, "gating", "none");
        assertLine(out, "head size", "2, no bias");
        assertLine(out, "slimmable", "no");
        assertLine(out, "condition DSP", "none (the input)");
        assertLine(out, "name", "pyref nano");
        assertLine(out, "gear", "pyref nano (amp_cab)");
        assertLine(out, "tone", "hi_gain");
        assertLine(out, "loudness", "-35.08 dB");
        assertLine(out, "input level", "12.5 dBu");
        assertLine(out, "output level", "8.25 dBu");
    }

    @Test
    void describesAContainerAndItsSubmodels() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode container = json.createObjectNode();
        container.put("version", "0.7.0");
        container.put("architecture", "SlimmableContainer");
        container.put("sample_rate", 48000);
        ArrayNode subs = container.putObject("config").putArray("submodels");
        subs.addObject().put("max_value", 0.5)
                .set("model", json.readTree(TestModels.copy(TestModels.DEMONET, dir).toFile()));
        subs.addObject().put("max_value", 1.0)
                .set("model", json.readTree(TestModels.copy(TestModels.NANO, dir).toFile()));
        Path file = dir.resolve("container.nam");
        json.writeValue(file.toFile(), container);

        Cli.Result r = Cli.run("info", file);

        assertEquals(0, r.code(), r::toString);
        assertLine(r.out(), "architecture", "SlimmableContainer, .nam version 0.7.0");
        assertLine(r.out(), "slimmable", "yes: 2 submodels, --slim picks one (default: the last)");
        assertLine(r.out(), "submodel 0", "max_value 0.5 (sizes 0 to below 0.5)");
        assertLine(r.out(), "submodel 1", "max_value 1 (sizes 0.5 to below 1)");
        assertLine(r.out(), "receptive field", "13 samples (0.3 ms)");
        assertLine(r.out(), "receptive field", "4093 samples (85.3 ms)");
        assertLine(r.out(), "metadata", "none");
    }

    @Test
    void describesAnLstm() throws IOException {
        Path file = Files.writeString(dir.resolve("lstm.nam"), TestModels.LSTM);

        Cli.Result r = Cli.run("info", file);

        assertEquals(0, r.code(), r::toString);
        assertLine(r.out(), "architecture", "LSTM, .nam version 0.5.4");
        assertLine(r.out(), "sample rate", "44100 Hz");
        assertLine(r.out(), "receptive field", "none (its state carries all earlier input)");
        assertLine(r.out(), "parameters", "16");
        assertLine(r.out(), "layers", "1");
        assertLine(r.out(), "hidden size", "1");
        assertLine(r.out(), "start-up", "stored state, then 24576 samples of silence");
        assertLine(r.out(), "name", "tiny lstm");
        assertLine(r.out(), "loudness", "-20.50 dB");
        assertLine(r.out(), "validation ESR", "0.0123000");
    }

    @Test
    void describesAConvNetAndALinearModel() throws IOException {
        Path conv = Files.writeString(dir.resolve("conv.nam"), """
                {"version": "0.5.4", "architecture": "ConvNet", "sample_rate": 48000,
                 "config": {"channels": 1, "dilations": [1, 4], "batchnorm": true, "activation": "Hardtanh"},
                 "weights": [0.5, 2, 1, 3, 4, 5, 1, 0.5, 2, 1, 3, 4, 5, 1, 2, 0.25]}
                """);
        Path fir = Files.writeString(dir.resolve("fir.nam"), """
                {"version": "0.5.4", "architecture": "Linear", "sample_rate": 48000,
                 "config": {"receptive_field": 480, "bias": false}, "weights": [%s]}
                """.formatted(String.join(", ", java.util.Collections.nCopies(480, "0.01"))));

        Cli.Result r = Cli.run("info", conv, fir);

        assertEquals(0, r.code(), r::toString);
        assertLine(r.out(), "receptive field", "6 samples (0.1 ms)");
        assertLine(r.out(), "dilations", "1, 4");
        assertLine(r.out(), "batch norm", "yes (folded into the convs)");
        assertLine(r.out(), "activation", "Hardtanh[-1.0, 1.0]");
        assertLine(r.out(), "parameters", "16");
        assertLine(r.out(), "receptive field", "480 samples (10.0 ms)");
        assertLine(r.out(), "taps", "480");
        assertLine(r.out(), "bias", "no");
    }

    @Test
    void anUnknownRateIsShownAsAssumed() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode model = (ObjectNode) json.readTree(TestModels.copy(TestModels.DEMONET, dir).toFile());
        model.remove("sample_rate");
        Path file = dir.resolve("norate.nam");
        json.writeValue(file.toFile(), model);

        Cli.Result r = Cli.run("info", file);

        assertLine(r.out(), "sample rate", "unknown (48000 Hz assumed)");
    }

    @Test
    void aBadModelIsReportedAndTheOthersStillDescribed() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.nam"), "[1, 2]");
        Path demonet = TestModels.copy(TestModels.DEMONET, dir);

        Cli.Result r = Cli.run("info", bad, dir.resolve("missing.nam"), demonet);

        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("namcl: error: " + bad + ": not a .nam model"), r::toString);
        assertTrue(r.err().contains("namcl: error: " + dir.resolve("missing.nam") + ": no such file"), r::toString);
        assertTrue(r.out().startsWith(demonet + "\n"), r::toString);
    }

    /** Some line of {@code out} is "key", spaces, "value" (only "key" when value is empty). */
    private static void assertLine(String out, String key, String value) {
        boolean found = out.lines().map(String::strip)
                .anyMatch(l -> value.isEmpty() ? l.equals(key)
                        : l.startsWith(key + " ") && l.substring(key.length()).strip().equals(value));
        assertTrue(found, () -> "no line \"" + key + "  " + value + "\" in:\n" + out);
    }
}
