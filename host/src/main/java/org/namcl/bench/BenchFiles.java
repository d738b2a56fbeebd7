package org.namcl.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.namcl.audio.SampleEncoding;
import org.namcl.audio.Wav;
import org.namcl.audio.WavFormat;
import org.namcl.audio.WavWriter;

/**
 * The benchmarks' files: test signals written as WAV files and their folders removed, and what
 * {@link Benchmark} measures exported for timing other renderers on the same work.
 */
public final class BenchFiles {
    /** The seeds {@link Benchmark} builds its models and signal with. */
    static final long MODEL_SEED = 42;
    static final long SIGNAL_SEED = 1;

    private BenchFiles() {
    }

    /**
     * Writes each model shape as {@code DIR/<name>.nam} (the weights bench uses) and {@code seconds}
     * of bench's signal as {@code DIR/input.wav} (mono, 48 kHz, 32-bit float), listing each file.
     */
    public static void export(Path dir, double seconds, List<ModelShape> shapes, PrintStream out) throws IOException {
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

    /** {@code x} as a mono WAV file at {@link Benchmark#RATE}. */
    static Path write(Path file, float[] x, SampleEncoding encoding) throws IOException {
        try (WavWriter w = WavWriter.create(file, new WavFormat(1, (int) Benchmark.RATE, encoding))) {
            w.write(new float[][] {x}, 0, x.length);
            w.commit();
        }
        return file;
    }

    /** Removes {@code dir} and everything in it, as far as it can. */
    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
