package org.namcl.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader against hand-built files with the header variations found in the wild. */
class WavReaderLayoutTest {

    @TempDir
    Path dir;

    private static final int[] STEREO_PCM16 = {0, -32768, 32767, 16384, -1, 1};
    private static final float[] LEFT = {0f, 32767 / 32768f, -1 / 32768f};
    private static final float[] RIGHT = {-1f, 0.5f, 1 / 32768f};

    @Test
    void plainPcm16() throws IOException {
        Path file = new WavBytes().fmt(WavBytes.TAG_PCM, 2, 44100, 16).data(WavBytes.pcm16(STEREO_PCM16))
                .writeTo(dir.resolve("plain.wav"));
        assertStereo(file, 44100, SampleEncoding.PCM16);
    }

    @Test
    void extensiblePcm24() throws IOException {
        Path file = new WavBytes().fmtExtensible(1, 96000, 24, WavBytes.TAG_PCM)
                .data(WavBytes.pcm24(-8388608, 8388607, 1, -1, 0))
                .writeTo(dir.resolve("ext24.wav"));
        try (WavReader reader = WavReader.open(file)) {
            assertEquals(new WavFormat(1, 96000, SampleEncoding.PCM24), reader.format());
        }
        float[][] data = ReadAll.read(file);
        assertArrayEquals(new float[] {-1f, 8388607 / 8388608f, 0x1p-23f, -0x1p-23f, 0f}, data[0]);
    }

    @Test
    void extensibleFloat() throws IOException {
        Path file = new WavBytes().fmtExtensible(2, 48000, 32, WavBytes.TAG_FLOAT)
                .chunk("fact", WavBytes.le(4).putInt(2).array())
                .data(WavBytes.float32(0.25f, -3.5f, 1e-30f, 7f))
                .writeTo(dir.resolve("extf.wav"));
        float[][] data = ReadAll.read(file);
        assertArrayEquals(new float[] {0.25f, 1e-30f}, data[0]);
        assertArrayEquals(new float[] {-3.5f, 7f}, data[1]);
    }

    @Test
    void chunksBeforeFmtBetweenAndAfterData() throws IOException {
        Path file = new WavBytes()
                .chunk("JUNK", new byte[28])
                .chunk("bext", new byte[602])
                .fmt(WavBytes.TAG_PCM, 2, 44100, 16)
                .chunk("LIST", "INFOISFT\u0005\0\0\0namcl\0".getBytes(StandardCharsets.US_ASCII))
                .data(WavBytes.pcm16(STEREO_PCM16))
                .chunk("LIST", new byte[10])
                .chunk("id3 ", new byte[7])
                .writeTo(dir.resolve("chunks.wav"));
        assertStereo(file, 44100, SampleEncoding.PCM16);
    }

    @Test
    void oddSizedChunksArePadded() throws IOException {
        // Each odd chunk is followed by a pad byte that is not counted in its size.
        Path file = new WavBytes()
                .chunk("odd1", new byte[] {1, 2, 3})
                .fmt(WavBytes.TAG_PCM, 2, 44100, 16)
                .chunk("odd2", new byte[] {(byte) 0xFF})
                .data(WavBytes.pcm16(STEREO_PCM16))
                .writeTo(dir.resolve("odd.wav"));
        assertStereo(file, 44100, SampleEncoding.PCM16);
    }

    @Test
    void oddSizedDataChunk() throws IOException {
        Path file = new WavBytes().fmt(WavBytes.TAG_PCM, 1, 8000, 24)
                .data(WavBytes.pcm24(1, 2, 3))
                .chunk("LIST", new byte[4])
                .writeTo(dir.resolve("odddata.wav"));
        assertArrayEquals(new float[] {0x1p-23f, 0x2p-23f, 0x3p-23f}, ReadAll.read(file)[0]);
    }

    @Test
    void fmtAfterData() throws IOException {
        Path file = new WavBytes().data(WavBytes.pcm16(STEREO_PCM16)).fmt(WavBytes.TAG_PCM, 2, 22050, 16)
                .writeTo(dir.resolve("late-fmt.wav"));
        assertStereo(file, 22050, SampleEncoding.PCM16);
    }

    @Test
    void fmtWithCbSizeAndExtraBytes() throws IOException {
        ByteBuffer fmt = WavBytes.le(20).putShort((short) 1).putShort((short) 2).putInt(44100)
                .putInt(44100 * 4).putShort((short) 4).putShort((short) 16).putShort((short) 2).putShort((short) 0);
        Path file = new WavBytes().chunk("fmt ", fmt.array()).data(WavBytes.pcm16(STEREO_PCM16))
                .writeTo(dir.resolve("fmt20.wav"));
        assertStereo(file, 44100, SampleEncoding.PCM16);
    }

    @Test
    void wrongRiffSizeIsIgnored() throws IOException {
        byte[] bytes = new WavBytes().fmt(WavBytes.TAG_PCM, 2, 44100, 16).data(WavBytes.pcm16(STEREO_PCM16)).build();
        WavBytes.le(4).putInt(0).flip().get(bytes, 4, 4);
        Path file = Files.write(dir.resolve("riffsize.wav"), bytes);
        assertStereo(file, 44100, SampleEncoding.PCM16);
    }

    @Test
    void trailingPartialFrameIsIgnored() throws IOException {
        byte[] samples = Arrays.copyOf(WavBytes.pcm16(STEREO_PCM16), 14);
        Path file = new WavBytes().fmt(WavBytes.TAG_PCM, 2, 44100, 16).data(samples).writeTo(dir.resolve("partial.wav"));
        assertStereo(file, 44100, SampleEncoding.PCM16);
    }

    @Test
    void rf64WithDs64() throws IOException {
        ByteBuffer ds64 = WavBytes.le(28).putLong(0).putLong(STEREO_PCM16.length * 2L).putLong(3).putInt(0);
        Path file = new WavBytes().riffId("RF64")
                .chunk("ds64", ds64.array())
                .fmt(WavBytes.TAG_PCM, 2, 48000, 16)
                .chunk("data", 0xFFFFFFFFL, WavBytes.pcm16(STEREO_PCM16))
                .writeTo(dir.resolve("rf64.wav"));
        assertStereo(file, 48000, SampleEncoding.PCM16);
    }

    @Test
    void unsignedPcm8() throws IOException {
        Path file = new WavBytes().fmt(WavBytes.TAG_PCM, 1, 8000, 8).data(new byte[] {0, (byte) 128, (byte) 255})
                .writeTo(dir.resolve("u8.wav"));
        assertArrayEquals(new float[] {-1f, 0f, 127 / 128f}, ReadAll.read(file)[0]);
    }

    @Test
    void float64IsNarrowedToFloat() throws IOException {
        Path file = new WavBytes().fmt(WavBytes.TAG_FLOAT, 1, 48000, 64)
                .chunk("fact", WavBytes.le(4).putInt(3).array())
                .data(WavBytes.float64(0.1, -2.0, 1e-310))
                .writeTo(dir.resolve("f64.wav"));
        assertArrayEquals(new float[] {0.1f, -2f, 0f}, ReadAll.read(file)[0]);
    }

    private static void assertStereo(Path file, int rate, SampleEncoding encoding) throws IOException {
        try (WavReader reader = WavReader.open(file)) {
            assertEquals(new WavFormat(2, rate, encoding), reader.format());
            assertEquals(3, reader.frames());
        }
        float[][] data = ReadAll.read(file);
        assertArrayEquals(LEFT, data[0]);
        assertArrayEquals(RIGHT, data[1]);
    }
}
