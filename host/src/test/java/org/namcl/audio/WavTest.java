package org.namcl.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavTest {
    @TempDir
    Path dir;

    @Test
    void writesAndReadsAWholeFile() throws IOException {
        float[] left = {0f, 0.5f, -0.25f};
        float[] right = {1f, -1f, 0.125f};

        Path file = Wav.write(dir.resolve("sub/x.wav"), 44100, left, right);
        Wav back = Wav.read(file);

        assertEquals(new WavFormat(2, 44100, SampleEncoding.FLOAT32), back.format());
        assertEquals(3, back.frames());
        assertArrayEquals(left, back.channel(0));
        assertArrayEquals(right, back.channel(1));
        assertArrayEquals(ReadAll.read(file), back.channels(), "as the streaming reader reads it");
        assertEquals(List.of("x.wav"), List.of(Files.list(dir.resolve("sub")).map(p -> p.getFileName().toString())
                .toArray(String[]::new)), "no temporary file left");
    }

    @Test
    void pcmClipsBeyondFullScale() throws IOException {
        Path file = Wav.write(dir.resolve("x.wav"), 48000, SampleEncoding.PCM16, new float[] {2f, -2f, 0f});

        Wav back = Wav.read(file);

        assertEquals(SampleEncoding.PCM16, back.format().encoding());
        assertEquals(1.0, back.channel(0)[0], 1e-4);
        assertEquals(-1.0, back.channel(0)[1], 1e-9);
    }

    @Test
    void aBadFileIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("not.wav"), "hello");

        IOException e = assertThrows(IOException.class, () -> Wav.read(file));

        assertTrue(e.getMessage().contains("not.wav"), e::getMessage);
    }

    @Test
    void channelsOfDifferentLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Wav.write(dir.resolve("x.wav"), 48000, new float[2], new float[3]));
    }
}
