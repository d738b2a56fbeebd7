package org.namcl.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.namcl.audio.SampleEncoding;
import org.namcl.audio.WavFormat;
import org.namcl.audio.WavWriter;

/**
 * Writes the generated samples, {@value #DI} and {@value #MODEL}, under a samples folder
 * ({@code samples} by default). The output is deterministic: running it again rewrites the same
 * bytes, which a test checks against the committed files.
 */
public final class GenerateSamples {
    static final String DI = "di/plucked-guitar.wav";
    static final String MODEL = "models/namcl-demo-overdrive.nam";

    private GenerateSamples() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 1) {
            System.err.println("usage: GenerateSamples [SAMPLES_FOLDER]   (default: samples)");
            System.exit(2);
        }
        Path root = Path.of(args.length == 1 ? args[0] : "samples");
        generate(root);
        System.out.println("wrote " + root.resolve(DI) + " and " + root.resolve(MODEL));
    }

    static void generate(Path root) throws IOException {
        float[] di = PluckedStringDi.synthesize();
        Path wav = root.resolve(DI);
        Files.createDirectories(wav.getParent());
        try (WavWriter out = WavWriter.create(wav, new WavFormat(1, PluckedStringDi.SAMPLE_RATE, SampleEncoding.PCM24))) {
            out.write(new float[][]{di}, 0, di.length);
            out.commit();
        }
        Path model = root.resolve(MODEL);
        Files.createDirectories(model.getParent());
        Files.writeString(model, DemoOverdrive.json(di), StandardCharsets.UTF_8);
    }
}
