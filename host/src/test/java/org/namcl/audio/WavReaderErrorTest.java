package org.namcl.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a file can be unusable gives an AudioFormatException naming the file and the problem. */
class WavReaderErrorTest {

    @TempDir
    Path dir;

    @Test
    void notRiff() throws IOException {
        Path file = Files.write(dir.resolve("song.ogg.wav"), "OggS\0\2\0\0\0\0\0\0\0\0\0\0".getBytes());
        expectOpenError(file, "not a WAV file", "'OggS'");
    }

    @Test
    void riffButNotWave() throws IOException {
        Path file = new WavBytes().formType("AVI ").chunk("LIST", new byte[8]).writeTo(dir.resolve("movie.wav"));
        expectOpenError(file, "not a WAV file", "'AVI '");
    }

    @Test
    void tooShort() throws IOException {
        Path file = Files.write(dir.resolve("stub.wav"), new byte[] {'R', 'I', 'F', 'F', 0});
        expectOpenError(file, "not a WAV file", "5 bytes");
    }

    @Test
    void missingFmt() throws IOException {
        Path file = new WavBytes().chunk("LIST", new byte[4]).data(WavBytes.pcm16(1, 2)).writeTo(dir.resolve("nofmt.wav"));
        expectOpenError(file, "missing fmt chunk");
    }

    @Test
    void missingData() throws IOException {
        Path file = new WavBytes().fmt(WavBytes.TAG_PCM, 1, 44100, 16).chunk("LIST", new byte[4])
                .writeTo(dir.resolve("nodata.wav"));
        expectOpenError(file, "missing data chunk");
    }

    @Test
    void compressedEncodingIsNamed() throws IOException {
        Path file = new WavBytes().fmt(6, 1, 8000, 1, 8).data(new byte[] {1, 2}).writeTo(dir.resolve("alaw.wav"));
        expectOpenError(file, "unsupported encoding", "A-law");
    }

    @Test
    void oddPcmBitDepthIsNamed() throws IOException {
        Path file = new WavBytes().fmt(WavBytes.TAG_PCM, 1, 8000, 2, 12).data(new byte[] {1, 2})
                .writeTo(dir.resolve("pcm12.wav"));
        expectOpenError(file, "unsupported encoding", "12-bit PCM");
    }

    @Test
    void floatOfUnsupportedSizeIsNamed() throws IOException {
        Path file = new WavBytes().fmt(WavBytes.TAG_FLOAT, 1, 8000, 16).data(new byte[] {1, 2})
                .writeTo(dir.resolve("half.wav"));
        expectOpenError(file, "unsupported encoding", "16-bit IEEE float");
    }

    @Test
    void unknownExtensibleSubformat() throws IOException {
        byte[] guid = WavBytes.guidSuffix();
        guid[13] ^= 1;
        Path file = new WavBytes().fmtExtensible(2, 48000, 16, WavBytes.TAG_PCM, guid)
                .data(WavBytes.pcm16(1, 2)).writeTo(dir.resolve("guid.wav"));
        expectOpenError(file, "unsupported encoding", "subformat GUID");
    }

    @Test
    void inconsistentBlockAlign() throws IOException {
        Path file = new WavBytes().fmt(WavBytes.TAG_PCM, 2, 48000, 6, 16).data(new byte[12])
                .writeTo(dir.resolve("align.wav"));
        expectOpenError(file, "block alignment", "expected 4");
    }

    @Test
    void zeroChannels() throws IOException {
        Path file = new WavBytes().fmt(WavBytes.TAG_PCM, 0, 48000, 2, 16).data(new byte[4])
                .writeTo(dir.resolve("nochannels.wav"));
        expectOpenError(file, "0 channels");
    }

    @Test
    void truncatedDataNamesExpectedAndAvailableBytes() throws IOException {
        Path file = new WavBytes().fmt(WavBytes.TAG_PCM, 2, 44100, 16).chunk("data", 4000, new byte[1000])
                .writeTo(dir.resolve("cut.wav"));
        expectOpenError(file, "truncated", "4000 bytes", "only 1000 bytes");
    }

    @Test
    void emptyData() throws IOException {
        Path file = new WavBytes().fmt(WavBytes.TAG_PCM, 2, 44100, 16).data(new byte[0]).writeTo(dir.resolve("empty.wav"));
        expectOpenError(file, "no audio samples");
    }

    @Test
    void dataShorterThanOneFrame() throws IOException {
        Path file = new WavBytes().fmt(WavBytes.TAG_PCM, 2, 44100, 16).data(new byte[3]).writeTo(dir.resolve("crumb.wav"));
        expectOpenError(file, "no audio samples");
    }

    @Test
    void nanInFloat32NamesFrameChannelAndTime() throws IOException {
        float[] samples = new float[2 * 6000];
        samples[2 * 4800 + 1] = Float.NaN; // frame 4800, channel 1: 0.1 s at 48 kHz
        samples[2 * 5000] = Float.NaN;
        Path file = new WavBytes().fmt(WavBytes.TAG_FLOAT, 2, 48000, 32).data(WavBytes.float32(samples))
                .writeTo(dir.resolve("nan.wav"));
        expectReadError(file, "NaN", "frame 4800, channel 1", "0.100000 s");
    }

    @Test
    void infinityInFloat64() throws IOException {
        double[] samples = new double[3 * 40000];
        samples[3 * 33000 + 2] = Double.NEGATIVE_INFINITY; // frame 33000 is past the first buffer
        Path file = new WavBytes().fmt(WavBytes.TAG_FLOAT, 3, 44100, 64).data(WavBytes.float64(samples))
                .writeTo(dir.resolve("inf.wav"));
        expectReadError(file, "infinite", "frame 33000, channel 2", "0.748299 s");
    }

    @Test
    void float64BeyondFloatRange() throws IOException {
        Path file = new WavBytes().fmt(WavBytes.TAG_FLOAT, 1, 1000, 64).data(WavBytes.float64(0, 1e300))
                .writeTo(dir.resolve("huge.wav"));
        expectReadError(file, "out of float range", "frame 1, channel 0", "0.001000 s");
    }

    @Test
    void fileShrinkingWhileReadIsAnError() throws IOException {
        Path file = new WavBytes().fmt(WavBytes.TAG_PCM, 1, 8000, 16).data(new byte[20000]).writeTo(dir.resolve("shrink.wav"));
        try (WavReader reader = WavReader.open(file)) {
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(bytes, bytes.length - 100));
            float[][] dst = new float[1][10000];
            AudioFormatException e = assertThrows(AudioFormatException.class, () -> reader.read(dst, 0, 10000));
            assertMentions(e, file, "truncated");
        }
    }

    private static void expectOpenError(Path file, String... problem) {
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> WavReader.open(file).close());
        assertMentions(e, file, problem);
    }

    private static void expectReadError(Path file, String... problem) {
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> ReadAll.read(file, 1000));
        assertMentions(e, file, problem);
    }

    private static void assertMentions(AudioFormatException e, Path file, String... problem) {
        String message = e.getMessage();
        assertTrue(message.contains(file.toString()), "message names the file: " + message);
        assertEquals(file, e.file());
        for (String part : problem) {
            assertTrue(message.contains(part), "message mentions '" + part + "': " + message);
        }
    }
}
