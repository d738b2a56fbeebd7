package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.audio.SampleEncoding;
import org.namcl.audio.Wav;
import org.namcl.audio.WavFormat;
import org.namcl.audio.WavWriter;
import org.namcl.render.TestAudio;
import org.namcl.render.TestModels;

/** {@code -} as render's input, {@code -o -} and {@code --report -}: WAV and JSON through the standard streams. */
class StandardStreamsTest {
    @TempDir
    Path dir;
    Path model;
    Path input;
    Path tmp;

    @BeforeEach
    void files() throws IOException {
        model = TestModels.copy(TestModels.DEMONET, dir.resolve("models"));
        input = TestAudio.write(dir.resolve("in/take.wav"), TestAudio.signal(5000, 3), TestAudio.signal(5000, 4));
        tmp = Files.createDirectories(dir.resolve("tmp"));
    }

    /** namcl in a process of its own, {@code stdin} its standard input; its stdout in {@code dir/stdout}. */
    private int namcl(Path stdin, Object... args) throws IOException, InterruptedException {
        Process p = NamclProcess.builder(Main.class, tmp, args).redirectInput(stdin.toFile())
                .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile()).start();
        return NamclProcess.await(p, dir.resolve("stderr"));
    }

    private String stderr() throws IOException {
        return Files.readString(dir.resolve("stderr"));
    }

    @Test
    void stdinToStdoutIsAWavStreamOfTheSamplesAFileRenderWrites() throws IOException, InterruptedException {
        int code = namcl(input, "render", "-m", model, "-", "-o", "-", "--engine", "cpu");

        assertEquals(0, code, this::stderrOrNot);
        Path streamed = Files.move(dir.resolve("stdout"), dir.resolve("streamed.wav"));
        assertEquals("RIFF", new String(Files.readAllBytes(streamed), 0, 4, StandardCharsets.US_ASCII),
                "stdout holds the WAV stream from its first byte");
        assertTrue(stderr().contains("1 rendered, 0 skipped, 0 failed"), "the summary on stderr");
        assertEquals(List.of(), NamclProcess.names(tmp), "standard input's copy is gone");
        // a file render in a JVM like the streaming one's (the same CPU kernels: the test JVM's may differ)
        assertEquals(0, namcl(input, "render", "-m", model, input, "-o", dir.resolve("file.wav"), "--engine", "cpu"),
                this::stderrOrNot);
        Wav file = Wav.read(dir.resolve("file.wav"));
        Wav stream = Wav.read(streamed);
        assertEquals(file.format(), stream.format());
        assertArrayEquals(file.channels(), stream.channels(), "every sample of both channels, and no more");
    }

    @Test
    void stdinIntoAFolderIsNamedStdin() throws IOException, InterruptedException {
        int code = namcl(input, "render", "-m", model, "-", "-o", dir.resolve("out"), "--engine", "cpu");

        assertEquals(0, code, this::stderrOrNot);
        assertEquals(List.of("py__demonet/stdin.wav"), NamclProcess.names(dir.resolve("out")));
        assertEquals(5000, Wav.read(dir.resolve("out/py__demonet/stdin.wav")).frames());
    }

    @Test
    void aStdinThatIsNoWavFailsInOneLineNamingIt() throws IOException, InterruptedException {
        Path junk = Files.writeString(dir.resolve("junk"), "not a wav at all");

        int code = namcl(junk, "render", "-m", model, "-", "-o", "-", "--engine", "cpu");

        assertEquals(1, code, this::stderrOrNot);
        assertEquals(1, stderr().lines().filter(l -> l.startsWith("namcl: error: stdin (model py__demonet): not a WAV"))
                .count(), this::stderrOrNot);
        assertEquals(0, Files.size(dir.resolve("stdout")), "nothing on stdout");
        assertEquals(List.of(), NamclProcess.names(tmp), "standard input's copy is gone");
    }

    @Test
    void aStreamTakesOneModelAndOneInput() throws IOException, InterruptedException {
        Path other = TestAudio.write(dir.resolve("in/other.wav"), TestAudio.signal(100, 1));

        int code = namcl(input, "render", "-m", model, input, other, "-o", "-", "--engine", "cpu");

        assertEquals(ExitCodes.USAGE, code);
        assertTrue(stderr().startsWith("namcl: error: -o - writes one WAV stream to standard output, but there are "
                + "1 model and 2 input files"), this::stderrOrNot);
        assertEquals(0, Files.size(dir.resolve("stdout")));
    }

    @Test
    void dashesThatCannotBeMeantAreUsageErrors() {
        Cli.Result twice = Cli.run("render", "-m", model, "-", "-", "-o", dir.resolve("out"));
        Cli.Result both = Cli.run("render", "-m", model, input, "-o", "-", "--report", "-");

        assertEquals(ExitCodes.USAGE, twice.code(), twice::toString);
        assertTrue(twice.err().contains("more than once"), twice::toString);
        assertEquals(ExitCodes.USAGE, both.code(), both::toString);
        assertTrue(both.err().contains("both write to standard output"), both::toString);
    }

    @Test
    void reportDashPrintsTheReportToStdout() throws IOException {
        Cli.Result r = Cli.run("render", "-m", model, input, "-o", dir.resolve("out"), "--engine", "cpu",
                "--report", "-");

        assertEquals(0, r.code(), r::toString);
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertEquals(1, report.get("summary").get("rendered").asInt(), r::toString);
        assertEquals(input.toString(), report.get("pairs").get(0).get("input").asText());
        assertTrue(r.err().contains("1 rendered"), "messages stay on stderr");
    }

    @Test
    void oneStdinStreamRendersAsItArrivesIntoTheSamplesOfAFileRender() throws Exception {
        int frames = 200_000; // three of the CPU engine's blocks of 65,536 frames and more
        float[] x = TestAudio.signal(frames, 7);
        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        try (WavWriter w = WavWriter.stream(Channels.newChannel(wav), "in",
                new WavFormat(1, 48_000, SampleEncoding.FLOAT32), null)) { // sizes that say "unknown", as sox's
            w.write(new float[][] {x}, 0, frames);
            w.commit();
        }
        byte[] in = wav.toByteArray();
        Process p = NamclProcess.builder(Main.class, tmp, "render", "-m", model, "-", "-o", "-", "--engine", "cpu",
                "--threads", "1").redirectError(dir.resolve("stderr").toFile()).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> {
            try {
                p.getInputStream().transferTo(out);
            } catch (IOException e) {
                // the process ended: what came is checked below
            }
        });
        drain.start();

        p.getOutputStream().write(in, 0, in.length / 2);
        p.getOutputStream().flush();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (samplesIn(out.toByteArray()) == 0 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        int early = samplesIn(out.toByteArray());
        p.getOutputStream().write(in, in.length / 2, in.length - in.length / 2);
        p.getOutputStream().close();
        int code = NamclProcess.await(p, dir.resolve("stderr"));
        drain.join();

        assertTrue(early > 0, "rendered samples came out while half the input was still to come: " + stderrOrNot());
        assertEquals(0, code, this::stderrOrNot);
        Path file = TestAudio.write(dir.resolve("in/long.wav"), 48_000, SampleEncoding.FLOAT32, x);
        assertEquals(0, namcl(file, "render", "-m", model, file, "-o", "-", "--engine", "cpu", "--threads", "1"),
                this::stderrOrNot);
        byte[] fromFile = Files.readAllBytes(dir.resolve("stdout"));
        assertEquals(frames * Float.BYTES, samplesIn(fromFile));
        assertArrayEquals(dataChunk(fromFile), dataChunk(out.toByteArray()), "the bytes of every sample, no more");
    }

    @Test
    void aStreamKeepsMixTailAndGains() throws IOException, InterruptedException {
        Path file = TestAudio.write(dir.resolve("in/stereo.wav"), 48_000, SampleEncoding.FLOAT32,
                TestAudio.signal(4000, 5), TestAudio.signal(4000, 6));
        Object[] options = {"--engine", "cpu", "--mix", "mono", "--tail-seconds", "0.01", "--input-gain", "-3",
            "--output-gain", "2", "--format", "pcm24"};

        assertEquals(0, namcl(file, concat(new Object[] {"render", "-m", model, "-", "-o", "-"}, options)),
                this::stderrOrNot);
        byte[] streamed = Files.readAllBytes(dir.resolve("stdout"));
        assertEquals(0, namcl(file, concat(new Object[] {"render", "-m", model, file, "-o", "-"}, options)),
                this::stderrOrNot);

        assertEquals((4000 + 480) * 3, samplesIn(streamed), "one channel of 24-bit samples, the tail after them");
        assertArrayEquals(dataChunk(Files.readAllBytes(dir.resolve("stdout"))), dataChunk(streamed));
    }

    @Test
    void aStreamToResampleIsCopiedFirstAndStillRenders() throws IOException, InterruptedException {
        Path file = TestAudio.write(dir.resolve("in/44k.wav"), 44_100, SampleEncoding.FLOAT32,
                TestAudio.signal(4410, 5));

        assertEquals(0, namcl(file, "render", "-m", model, "-", "-o", "-", "--engine", "cpu", "--resample"),
                this::stderrOrNot);

        assertEquals(4410 * Float.BYTES, samplesIn(Files.readAllBytes(dir.resolve("stdout"))));
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** The bytes after the data chunk's header of a WAV stream (empty while it has not come). */
    private static byte[] dataChunk(byte[] wav) {
        String ascii = new String(wav, StandardCharsets.ISO_8859_1);
        int data = ascii.indexOf("data");
        return data < 0 || wav.length < data + 8 ? new byte[0] : java.util.Arrays.copyOfRange(wav, data + 8, wav.length);
    }

    private static int samplesIn(byte[] wav) {
        return dataChunk(wav).length;
    }

    private String stderrOrNot() {
        try {
            return stderr();
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }
}
