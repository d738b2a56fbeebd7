package org.namcl.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.audio.SampleEncoding;
import org.namcl.audio.WavFormat;
import org.namcl.audio.WavReader;

class GenerateSamplesTest {

    @Test
    void regeneratingReproducesTheCommittedFilesByteForByte(@TempDir Path tmp) throws IOException {
        GenerateSamples.generate(tmp);
        Path committed = SamplesFolder.find();
        for (String file : new String[]{GenerateSamples.DI, GenerateSamples.MODEL}) {
            byte[] expected = Files.readAllBytes(committed.resolve(file));
            byte[] actual = Files.readAllBytes(tmp.resolve(file));
            assertEquals(-1, Arrays.mismatch(expected, actual), "samples/" + file
                    + " differs from what its generator writes now (first differing byte shown);"
                    + " regenerate it as samples/README.md says");
        }
    }

    @Test
    void theTakeIsA24BitMono48kHzWav() throws IOException {
        try (WavReader reader = WavReader.open(SamplesFolder.find().resolve(GenerateSamples.DI))) {
            assertEquals(new WavFormat(1, 48000, SampleEncoding.PCM24), reader.format());
            assertEquals(9 * 48000, reader.frames());
        }
    }
}
