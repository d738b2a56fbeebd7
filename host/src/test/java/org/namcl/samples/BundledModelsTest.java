package org.namcl.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.namcl.model.net.WaveNet;
import org.namcl.cpu.WaveNetStreamer;
import org.namcl.model.NamFile;
import org.namcl.model.NamLoader;

/** Every model in samples/models renders the bundled take: what a new user tries first. */
class BundledModelsTest {

    @Test
    void everyBundledModelRendersTheTake() throws IOException {
        Path samples = SamplesFolder.find();
        float[] take = DemoOverdriveTest.readMono(samples.resolve(GenerateSamples.DI));
        List<Path> models;
        try (Stream<Path> files = Files.list(samples.resolve("models"))) {
            models = files.filter(p -> p.toString().endsWith(".nam")).sorted().collect(Collectors.toList());
        }
        assertEquals(4, models.size(), "models: " + models);
        int n = 24000; // half a second is enough to show it runs
        for (Path model : models) {
            NamFile file = NamLoader.load(model);
            assertEquals(48000.0, file.sampleRate(), model.toString());
            float[] y = new float[n];
            new WaveNetStreamer(file.resolve(WaveNet.class)).process(take, 0, y, 0, n);
            double sum = 0;
            for (float v : y) {
                assertTrue(Float.isFinite(v), model.toString());
                sum += (double) v * v;
            }
            assertTrue(sum > 0, model + " is silent");
        }
    }
}
