package org.namcl.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.namcl.audio.Wav;

/**
 * Writes what {@link Benchmark} measures as files, for timing other renderers on the same work:
 * each model shape as {@code <name>.nam} (the weights bench uses) and the test signal as
 * {@code input.wav} (mono, 48 kHz, 32-bit float).
 */
public final class BenchFiles {
    /** The seeds {@link Benchmark} builds its models and signal with. */
    static final long MODEL_SEED = 42;
    static final long SIGNAL_SEED = 1;

    private BenchFiles() {
    }

    public static void write(Path dir, double seconds, List<ModelShape> shapes, PrintStream out) throws IOException {
        Files.createDirectories(dir);
        for (ModelShape s : shapes) {
            Path model = dir.resolve(s.displayName() + ".nam");
            Files.writeString(model, s.json(MODEL_SEED));
            out.println(model);
        }
        Path input = dir.resolve("input.wav");
        Wav.write(input, (int) Benchmark.RATE, Benchmark.signal((int) (seconds * Benchmark.RATE), SIGNAL_SEED));
        out.println(input);
    }
}
