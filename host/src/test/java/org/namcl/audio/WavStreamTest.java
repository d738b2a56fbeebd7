package org.namcl.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WAV streams of unknown length, as a pipe carries them: written as sox writes them, read to their end. */
class WavStreamTest {
    /** The data size sox 14.4 writes to a pipe (seen in its output: 00 f0 ff 7f). */
    private static final int SOX_UNKNOWN = 0x7ffff000;

    @TempDir
    Path dir;

    @Test
    void aStreamCarriesSoxsSizeFieldsAndReadsBackWhole() throws IOException {
        float[] left = {0.5f, -0.25f, 0.125f};
        float[] right = {1f, -1f, 0f};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        try (WavWriter w = WavWriter.stream(Channels.newChannel(bytes), "stdout",
                new WavFormat(2, 48000, SampleEncoding.FLOAT32), null)) {
            w.write(new float[][] {left, right}, 0, 3);
            w.commit();
        }

        byte[] file = bytes.toByteArray();
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int data = indexOf(file, "data");
        int fact = indexOf(file, "fact");
        assertEquals(file.length, data + 8 + 3 * 8, "header and samples, nothing else");
        assertEquals(SOX_UNKNOWN, b.getInt(data + 4), "data size");
        assertEquals(SOX_UNKNOWN + data, b.getInt(4), "RIFF size: the data's plus the header after it");
        assertEquals(SOX_UNKNOWN / 8, b.getInt(fact + 8), "fact: the frames of that size");
        Wav back = Wav.read(Files.write(dir.resolve("piped.wav"), file));
        assertArrayEquals(left, back.channel(0));
        assertArrayEquals(right, back.channel(1));
    }

    @Test
    void aDataSizeMeaningUnknownReadsToTheEndOfTheFile() throws IOException {
        for (long unknown : new long[] {SOX_UNKNOWN, 0xFFFFFFFFL}) {
            Path file = new WavBytes().fmt(WavBytes.TAG_PCM, 1, 44100, 16)
                    .chunk("data", unknown, WavBytes.pcm16(16384, -32768, 1, 7))
                    .writeTo(dir.resolve("unknown.wav"));

            Wav back = Wav.read(file);

            assertArrayEquals(new float[] {0.5f, -1f, 1 / 32768f, 7 / 32768f}, back.channel(0),
                    "every frame to the end");
        }
    }

    @Test
    void aStreamOfUnknownLengthIsReadOnceToItsEndInWhateverPiecesArrive() throws IOException {
        byte[] bytes = new WavBytes().chunk("LIST", new byte[6]).fmt(WavBytes.TAG_PCM, 1, 44100, 16)
                .chunk("data", SOX_UNKNOWN, WavBytes.pcm16(16384, -32768, 1, 7)).build();
        // a partial last frame, as a stream cut anywhere may end with: left out
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length + 1);

        try (WavReader r = WavReader.stream(Channels.newChannel(new java.io.ByteArrayInputStream(cut)), "-")) {
            assertEquals(-1, r.frames(), "the length is known once read");
            float[][] got = new float[1][8];
            int n = r.read(got, 0, 3);
            n += r.read(got, n, 8 - n);

            assertEquals(4, n);
            assertEquals(0, r.read(got, 0, 8), "the end stays the end");
            assertEquals(4, r.position());
            assertArrayEquals(new float[] {0.5f, -1f, 1 / 32768f, 7 / 32768f}, java.util.Arrays.copyOf(got[0], 4));
        }
    }

    @Test
    void aStreamWhoseLengthIsGivenFailsWhenItEndsShortAsAFileWould() throws IOException {
        byte[] bytes = new WavBytes().fmt(WavBytes.TAG_PCM, 1, 44100, 16)
                .chunk("data", 16, WavBytes.pcm16(1, 2, 3)).build();

        try (WavReader r = WavReader.stream(Channels.newChannel(new java.io.ByteArrayInputStream(bytes)), "-")) {
            assertEquals(8, r.frames());
            AudioFormatException e = org.junit.jupiter.api.Assertions.assertThrows(AudioFormatException.class,
                    () -> r.read(new float[1][8], 0, 8));
            assertTrue(e.getMessage().startsWith("-: truncated"), e::getMessage);
        }
    }

    @Test
    void aStreamWithItsFmtChunkAfterItsDataFailsInOneLine() {
        byte[] bytes = new WavBytes().chunk("data", WavBytes.pcm16(1, 2)).fmt(WavBytes.TAG_PCM, 1, 44100, 16).build();

        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> WavReader.stream(Channels.newChannel(new java.io.ByteArrayInputStream(bytes)), "-"));
        assertTrue(e.getMessage().contains("a WAV stream needs its fmt chunk before its data chunk"), e::getMessage);
    }

    @Test
    void aStreamThatEndsInItsHeaderFailsAsTheSameBytesInAFileDo() throws IOException {
        byte[] wave = new WavBytes().fmt(WavBytes.TAG_PCM, 1, 44100, 16).chunk("LIST", new byte[4]).build();
        byte[][] cases = {
            "hello\n".getBytes(StandardCharsets.US_ASCII), // not a WAV file: only 6 bytes long
            java.util.Arrays.copyOf(wave, 5),
            java.util.Arrays.copyOf(wave, 16), // RIFF, WAVE and half a chunk header: missing fmt chunk
            wave, // missing data chunk
        };
        for (byte[] bytes : cases) {
            Path file = Files.write(dir.resolve("case.wav"), bytes);
            String asFile = org.junit.jupiter.api.Assertions.assertThrows(AudioFormatException.class,
                    () -> WavReader.open(file).close()).getMessage();
            String asStream = org.junit.jupiter.api.Assertions.assertThrows(AudioFormatException.class,
                    () -> WavReader.stream(Channels.newChannel(new java.io.ByteArrayInputStream(bytes)), "-").close())
                    .getMessage();
            assertEquals(asFile.substring(asFile.indexOf(": ")), asStream.substring(asStream.indexOf(": ")),
                    () -> bytes.length + " bytes");
        }
    }

    private static int indexOf(byte[] file, String id) {
        String s = new String(file, StandardCharsets.ISO_8859_1);
        return s.indexOf(id);
    }
}
