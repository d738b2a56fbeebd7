package org.namcl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.namcl.audio.SampleEncoding;
import org.namcl.audio.WavFormat;
import org.namcl.audio.WavWriter;

/** The benchmarks' temporary files: test signals written as WAV files, and their folder removed. */
final class BenchFiles {
    private BenchFiles() {
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
