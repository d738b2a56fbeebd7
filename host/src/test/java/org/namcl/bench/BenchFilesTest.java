package org.namcl.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.audio.Wav;
import org.namcl.model.NamLoader;

/** {@code namcl bench --write}: the files other renderers are timed on are the work bench measures. */
class BenchFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesEachShapeAsAModelAndTheTestSignalAsAWav() throws Exception {
        ByteArrayOutputStream listing = new ByteArrayOutputStream();
        BenchFiles.export(dir, 0.25, List.of(ModelShape.NANO, ModelShape.A2), new PrintStream(listing, true, "UTF-8"));

        assertEquals(List.of(dir.resolve("nano.nam").toString(), dir.resolve("a2.nam").toString(),
                dir.resolve("input.wav").toString()), listing.toString("UTF-8").lines().toList());
        assertEquals(ModelShape.NANO.json(BenchFiles.MODEL_SEED), Files.readString(dir.resolve("nano.nam")));
        assertEquals(6347, NamLoader.load(dir.resolve("a2.nam")).resolve().finiteReceptiveField().getAsInt());
        Wav input = Wav.read(dir.resolve("input.wav"));
        assertEquals(48000, input.format().sampleRate());
        assertArrayEquals(Benchmark.signal(12000, BenchFiles.SIGNAL_SEED), input.channel(0));
    }
}
