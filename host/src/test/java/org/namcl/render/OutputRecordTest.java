package org.namcl.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.audio.SampleEncoding;
import org.namcl.audio.WavFormat;
import org.namcl.audio.WavWriter;

class OutputRecordTest {
    private static final String MODEL = "ab".repeat(32);

    @TempDir
    Path dir;

    static RenderOptions options(OutputFormat format, double outputGainDb, Double slim) {
        return RenderOptions.builder().engine(EngineChoice.CPU).threads(1).slim(slim).format(format)
                .outputGainDb(outputGainDb).build();
    }

    @Test
    void theRecordTravelsInsideTheWavFileAndTheAudioReadsAsBefore() throws IOException {
        Path input = TestAudio.write(dir.resolve("in.wav"), TestAudio.signal(100, 1));
        OutputRecord record = OutputRecord.of("1.0", MODEL, options(OutputFormat.PCM24, 0, null), input);
        float[] samples = TestAudio.signal(101, 2); // an odd length: the record's chunk must not shift the data
        Path out = dir.resolve("out.wav");
        for (SampleEncoding e : new SampleEncoding[] {SampleEncoding.PCM16, SampleEncoding.FLOAT32}) {
            try (WavWriter w = WavWriter.create(out, new WavFormat(1, 48000, e), record.chunk())) {
                w.write(new float[][] {samples}, 0, samples.length);
                w.commit();
            }

            OutputRecord read = OutputRecord.read(out);

            assertNotNull(read, e::toString);
            assertNull(record.differences(read), e::toString);
            if (e == SampleEncoding.FLOAT32) {
                assertArrayEquals(samples, TestAudio.read(out).channel(0));
            }
        }
    }

    @Test
    void differencesNameWhatChanged() throws IOException {
        Path input = TestAudio.write(dir.resolve("in.wav"), TestAudio.signal(100, 1));
        OutputRecord before = OutputRecord.of("1.0", MODEL, options(OutputFormat.F32, 0, null), input);

        assertEquals("namcl 1.0 -> 1.1", OutputRecord.of("1.1", MODEL, options(OutputFormat.F32, 0, null), input)
                .differences(before));
        assertEquals("the model file differs", OutputRecord.of("1.0", "cd".repeat(32),
                options(OutputFormat.F32, 0, null), input).differences(before));
        assertEquals("format f32 -> pcm16, output-gain-db 0.0 -> -3.0, slim default -> 0.5",
                OutputRecord.of("1.0", MODEL, options(OutputFormat.PCM16, -3, 0.5), input).differences(before));
        Files.writeString(input, "edited since");
        assertEquals("the input file changed", OutputRecord.of("1.0", MODEL, options(OutputFormat.F32, 0, null), input)
                .differences(before));
    }

    @Test
    void upToDateComparesTheRecordWithTheInputsSizeAndTimeGiven() throws IOException {
        Path input = TestAudio.write(dir.resolve("in.wav"), TestAudio.signal(100, 1));
        RenderOptions options = options(OutputFormat.F32, 0, null);
        Path out = dir.resolve("out.wav");
        try (WavWriter w = WavWriter.create(out, new WavFormat(1, 48000, SampleEncoding.FLOAT32),
                OutputRecord.of("1.0", MODEL, options, input).chunk())) {
            w.write(new float[][] {TestAudio.signal(10, 2)}, 0, 10);
            w.commit();
        }
        long bytes = Files.size(input);
        FileTime time = Files.getLastModifiedTime(input);

        assertTrue(OutputRecord.upToDate(out, "1.0", MODEL, options, bytes, time));
        assertFalse(OutputRecord.upToDate(out, "1.0", MODEL, options, bytes + 1, time));
        assertFalse(OutputRecord.upToDate(out, "1.0", MODEL, options, bytes,
                FileTime.fromMillis(time.toMillis() + 1000)));
        assertFalse(OutputRecord.upToDate(out, "1.1", MODEL, options, bytes, time));
        assertFalse(OutputRecord.upToDate(out, "1.0", MODEL, options(OutputFormat.PCM16, 0, null), bytes, time));
        assertFalse(OutputRecord.upToDate(TestAudio.write(dir.resolve("plain.wav"), TestAudio.signal(10, 1)),
                "1.0", MODEL, options, bytes, time), "a file namcl did not write is not up to date");
    }

    @Test
    void aFileNamclDidNotRecordHasNoRecord() throws IOException {
        Path plain = TestAudio.write(dir.resolve("plain.wav"), TestAudio.signal(100, 1));
        Path text = Files.writeString(dir.resolve("text.wav"), "not a WAV file at all");
        Path empty = Files.write(dir.resolve("empty.wav"), new byte[0]);

        assertNull(OutputRecord.read(plain));
        assertNull(OutputRecord.read(text));
        assertNull(OutputRecord.read(empty));
    }
}
