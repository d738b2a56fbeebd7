package org.namcl.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the writer writes, the reader reads back exactly, for every encoding and channel layout. */
class WavRoundTripTest {

    @TempDir
    Path dir;

    static Stream<Arguments> encodingsAndChannels() {
        return Stream.of(SampleEncoding.values())
                .flatMap(e -> Stream.of(1, 2, 6).map(c -> Arguments.of(e, c)));
    }

    @ParameterizedTest
    @MethodSource("encodingsAndChannels")
    void bitExact(SampleEncoding encoding, int channels) throws IOException {
        // An odd frame count exercises the pad byte of 8- and 24-bit mono.
        float[][] signal = exactSignal(encoding, channels, 10_001, new Random(channels * 31L + encoding.ordinal()));
        WavFormat format = new WavFormat(channels, 44100, encoding);
        Path file = dir.resolve("rt.wav");
        write(file, format, signal, 999);

        try (WavReader reader = WavReader.open(file)) {
            assertEquals(format, reader.format());
            assertEquals(signal[0].length, reader.frames());
        }
        float[][] back = ReadAll.read(file);
        for (int c = 0; c < channels; c++) {
            assertArrayEquals(signal[c], back[c], "channel " + c);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 4096})
    void blockSizeDoesNotChangeWhatIsRead(int blockFrames) throws IOException {
        float[][] signal = exactSignal(SampleEncoding.PCM24, 2, 20_000, new Random(5));
        Path file = dir.resolve("blocks.wav");
        write(file, new WavFormat(2, 48000, SampleEncoding.PCM24), signal, 20_000);
        float[][] back = ReadAll.read(file, blockFrames);
        assertArrayEquals(signal[0], back[0]);
        assertArrayEquals(signal[1], back[1]);
    }

    @ParameterizedTest
    @MethodSource("encodingsAndChannels")
    void samplesAreInterleavedInChannelOrder(SampleEncoding encoding, int channels) throws IOException {
        // Channel c holds the constant (c + 1) / 8, so any mix-up shows in the raw bytes.
        float[][] signal = new float[channels][3];
        for (int c = 0; c < channels; c++) {
            Arrays.fill(signal[c], (c + 1) / 8f);
        }
        Path file = dir.resolve("order.wav");
        write(file, new WavFormat(channels, 8000, encoding), signal, 3);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer data = ByteBuffer.wrap(bytes, bytes.length - 3 * channels * encoding.bytes() - padding(encoding, channels),
                3 * channels * encoding.bytes()).slice().order(ByteOrder.LITTLE_ENDIAN);
        for (int f = 0; f < 3; f++) {
            for (int c = 0; c < channels; c++) {
                assertEquals((c + 1) / 8.0, rawSample(data, encoding), "frame " + f + " channel " + c);
            }
        }
    }

    private static int padding(SampleEncoding encoding, int channels) {
        return (3 * channels * encoding.bytes()) % 2;
    }

    private static double rawSample(ByteBuffer data, SampleEncoding encoding) {
        return switch (encoding) {
            case PCM8 -> ((data.get() & 0xFF) - 128) / 128.0;
            case PCM16 -> data.getShort() / 32768.0;
            case PCM24 -> ((data.get() & 0xFF) | (data.get() & 0xFF) << 8 | data.get() << 16) / 8388608.0;
            case PCM32 -> data.getInt() / 2147483648.0;
            case FLOAT32 -> data.getFloat();
            case FLOAT64 -> data.getDouble();
        };
    }

    /**
     * Random samples that the encoding represents exactly: integers over 2^(bits-1) for PCM
     * (at most 24 significant bits, so that floats hold them), any float for float encodings.
     */
    static float[][] exactSignal(SampleEncoding encoding, int channels, int frames, Random random) {
        float[][] signal = new float[channels][frames];
        for (float[] channel : signal) {
            for (int i = 0; i < frames; i++) {
                channel[i] = switch (encoding) {
                    case FLOAT32, FLOAT64 -> (float) (random.nextGaussian() * 0.3);
                    case PCM32 -> ((random.nextInt(1 << 24) - (1 << 23)) << random.nextInt(8)) * 0x1p-31f;
                    default -> (random.nextInt(1 << encoding.bits()) - (1 << encoding.bits() - 1))
                            / (float) (1 << encoding.bits() - 1);
                };
            }
            channel[0] = -1f; // the most negative integer maps to exactly -1
        }
        return signal;
    }

    private static void write(Path file, WavFormat format, float[][] signal, int block) throws IOException {
        try (WavWriter writer = WavWriter.create(file, format)) {
            for (int done = 0; done < signal[0].length; done += block) {
                writer.write(signal, done, Math.min(block, signal[0].length - done));
            }
            writer.commit();
            assertEquals(0, writer.clippedSamples());
        }
    }
}
