package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.namcl.audio.Resampler;
import org.namcl.audio.SampleEncoding;
import org.namcl.model.NamLoader;
import org.namcl.model.net.WaveNet;
import org.namcl.render.TestAudio;
import org.namcl.audio.Wav;
import org.namcl.render.TestModels;

/** What comes out of {@code render}: the samples, compared with the CPU engine's own output. */
class RenderAudioTest {
    @TempDir
    Path dir;

    @Test
    void aRenderedFileIsTheStreamingEnginesOutput() throws IOException {
        Path nano = TestModels.copy(TestModels.NANO, dir);
        float[] x = TestAudio.signal(20000, 7);
        Path in = TestAudio.write(dir.resolve("x.wav"), x);

        // two threads: the offline engine in chunks, compared with the one-thread streamer
        Cli.Result r = Cli.run("render", "-m", nano, in, "-o", dir.resolve("out"), "--engine", "cpu",
                "--threads", 2);

        assertEquals(0, r.code(), r::toString);
        Wav out = TestAudio.read(dir.resolve("out/py__nano/x.wav"));
        assertEquals(SampleEncoding.FLOAT32, out.format().encoding());
        assertEquals(48000, out.format().sampleRate());
        assertTrue(TestAudio.maxAbsDiff(TestModels.stream(TestModels.net(nano), x), out.channel(0)) <= 1e-6);
    }

    @ParameterizedTest(name = "{0} in, --format {1}")
    @CsvSource({"pcm16,f32,f32", "pcm16,pcm16,pcm16", "pcm16,pcm24,pcm24", "pcm16,same,pcm16",
        "pcm24,f32,f32", "pcm24,pcm16,pcm16", "pcm24,same,pcm24",
        "f32,pcm24,pcm24", "f32,pcm16,pcm16", "f32,same,f32", "pcm8,same,pcm8", "f64,same,f64"})
    void formatsInAndOut(String inFormat, String option, String expected) throws IOException {
        Path model = TestModels.copy(TestModels.DEMONET, dir);
        Path in = TestAudio.write(dir.resolve("x.wav"), 44100, SampleEncoding.fromCliName(inFormat),
                TestAudio.signal(3000, 3));
        WaveNet net = TestModels.net(model);
        float[] decoded = TestAudio.read(in).channel(0);

        // a 44.1 kHz file: the demo model is 48 kHz, so --resample; both rates are checked on the way
        Cli.Result r = Cli.run("render", "-m", model, in, "-o", dir.resolve("out"), "--engine", "cpu",
                "--format", option, "--resample");

        assertEquals(0, r.code(), r::toString);
        Wav out = TestAudio.read(dir.resolve("out/py__demonet/x.wav"));
        SampleEncoding e = SampleEncoding.fromCliName(expected);
        assertEquals(e, out.format().encoding());
        assertEquals(44100, out.format().sampleRate());
        float[] reference = throughModelRate(net, decoded, 44100);
        double step = e.isFloat() ? 1e-6 : 1.0 / (1L << (e.bits() - 1));
        assertTrue(TestAudio.maxAbsDiff(reference, out.channel(0)) <= step, () -> "max diff "
                + TestAudio.maxAbsDiff(reference, out.channel(0)));
    }

    @Test
    void eachChannelIsRenderedOnItsOwn() throws IOException {
        Path nano = TestModels.copy(TestModels.NANO, dir);
        float[] left = TestAudio.signal(9000, 1);
        float[] right = TestAudio.signal(9000, 2);
        Path in = TestAudio.write(dir.resolve("st.wav"), left, right);
        WaveNet net = TestModels.net(nano);

        Cli.Result r = Cli.run("render", "-m", nano, in, "-o", dir.resolve("out"), "--engine", "cpu",
                "--threads", 1);

        assertEquals(0, r.code(), r::toString);
        Wav out = TestAudio.read(dir.resolve("out/py__nano/st.wav"));
        assertEquals(2, out.format().channels());
        assertArrayEquals(TestModels.stream(net, left), out.channel(0));
        assertArrayEquals(TestModels.stream(net, right), out.channel(1));
    }

    @Test
    void mixMonoRendersTheAverageOfTheChannels() throws IOException {
        Path nano = TestModels.copy(TestModels.NANO, dir);
        float[] left = TestAudio.signal(6000, 1);
        float[] right = TestAudio.signal(6000, 2);
        Path in = TestAudio.write(dir.resolve("st.wav"), left, right);
        float[] mono = new float[left.length];
        for (int i = 0; i < mono.length; i++) {
            mono[i] = (left[i] + right[i]) / 2;
        }

        Cli.Result r = Cli.run("render", "-m", nano, in, "-o", dir.resolve("out"), "--engine", "cpu",
                "--mix", "mono");

        assertEquals(0, r.code(), r::toString);
        Wav out = TestAudio.read(dir.resolve("out/py__nano/st.wav"));
        assertEquals(1, out.format().channels());
        assertTrue(TestAudio.maxAbsDiff(TestModels.stream(TestModels.net(nano), mono), out.channel(0)) <= 1e-6);
    }

    @Test
    void aSampleRateMismatchFailsNamingBothRates() throws IOException {
        Path nano = TestModels.copy(TestModels.NANO, dir);
        Path in = TestAudio.write(dir.resolve("x44.wav"), 44100, SampleEncoding.FLOAT32, TestAudio.signal(4410, 1));

        Cli.Result r = Cli.run("render", "-m", nano, in, "-o", dir.resolve("out"), "--engine", "cpu");

        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("44100 Hz") && r.err().contains("48000 Hz") && r.err().contains("--resample"),
                r::toString);
        assertTrue(r.err().contains("x44.wav"), r::toString);
        assertFalse(Files.exists(dir.resolve("out/py__nano/x44.wav")));
    }

    @Test
    void resampleRendersAtTheModelsRateAndKeepsTheFilesRateAndLength() throws IOException {
        Path nano = TestModels.copy(TestModels.NANO, dir);
        float[] x = TestAudio.signal(70001, 5); // more than one block
        Path in = TestAudio.write(dir.resolve("x44.wav"), 44100, SampleEncoding.FLOAT32, x);

        Cli.Result r = Cli.run("render", "-m", nano, in, "-o", dir.resolve("out"), "--engine", "cpu",
                "--resample", "--threads", 1);

        assertEquals(0, r.code(), r::toString);
        Wav out = TestAudio.read(dir.resolve("out/py__nano/x44.wav"));
        assertEquals(44100, out.format().sampleRate());
        assertEquals(x.length, out.frames());
        float[] expected = throughModelRate(TestModels.net(nano), x, 44100);
        assertTrue(TestAudio.maxAbsDiff(expected, out.channel(0)) <= 1e-6);
    }

    @Test
    void tailAddsTheReceptiveField() throws IOException {
        Path nano = TestModels.copy(TestModels.NANO, dir);
        WaveNet net = TestModels.net(nano);
        int rf = net.receptiveField();
        float[] x = TestAudio.signal(3000, 9);
        Path in = TestAudio.write(dir.resolve("x.wav"), x);

        Cli.Result r = Cli.run("render", "-m", nano, in, "-o", dir.resolve("out"), "--engine", "cpu", "--tail");

        assertEquals(0, r.code(), r::toString);
        Wav out = TestAudio.read(dir.resolve("out/py__nano/x.wav"));
        assertEquals(x.length + rf, out.frames());
        assertTrue(TestAudio.maxAbsDiff(TestModels.stream(net, TestModels.padded(x, rf)), out.channel(0)) <= 1e-6);
    }

    @Test
    void eachModelGetsItsOwnTailWhenOneInputGoesThroughSeveral() throws IOException {
        Path nano = TestModels.copy(TestModels.NANO, dir);
        Path demonet = TestModels.copy(TestModels.DEMONET, dir);
        float[] x = TestAudio.signal(3000, 9);
        Path in = TestAudio.write(dir.resolve("in/x.wav"), x);
        TestAudio.write(dir.resolve("in/y.wav"), TestAudio.signal(3000, 10)); // x is decoded before the next model; the shorter tail first

        Cli.Result r = Cli.run("render", "-m", demonet, "-m", nano, in.getParent(), "-o", dir.resolve("out"),
                "--engine", "cpu", "--tail");

        assertEquals(0, r.code(), r::toString);
        for (Path model : List.of(nano, demonet)) {
            WaveNet net = TestModels.net(model);
            int rf = net.receptiveField();
            String name = model.getFileName().toString().replace(".nam", "");
            Wav out = TestAudio.read(dir.resolve("out/" + name + "/x.wav"));
            assertEquals(x.length + rf, out.frames(), name);
            assertTrue(TestAudio.maxAbsDiff(TestModels.stream(net, TestModels.padded(x, rf)), out.channel(0)) <= 1e-6,
                    name);
        }
    }

    @Test
    void inputGainGoesBeforeTheModelAndOutputGainAfter() throws IOException {
        Path nano = TestModels.copy(TestModels.NANO, dir);
        float[] x = TestAudio.signal(5000, 4);
        Path in = TestAudio.write(dir.resolve("x.wav"), x);

        Cli.Result r = Cli.run("render", "-m", nano, in, "-o", dir.resolve("out"), "--engine", "cpu",
                "--input-gain", 6, "--output-gain", "-3.5");

        assertEquals(0, r.code(), r::toString);
        float[] expected = TestAudio.scaled(TestModels.stream(TestModels.net(nano), TestAudio.scaled(x, 6)), -3.5);
        assertTrue(TestAudio.maxAbsDiff(expected, TestAudio.read(dir.resolve("out/py__nano/x.wav")).channel(0))
                <= 1e-6);
    }

    @Test
    void normalizeBringsTheModelsLoudnessToMinus18Db() throws IOException {
        Path demonet = TestModels.copy(TestModels.DEMONET, dir);
        double loudness = NamLoader.load(demonet).metadata().loudness();
        float[] x = TestAudio.signal(5000, 4);
        Path in = TestAudio.write(dir.resolve("x.wav"), x);

        Cli.Result r = Cli.run("render", "-m", demonet, in, "-o", dir.resolve("out"), "--engine", "cpu",
                "--normalize", "loudness", "--output-gain", 2);

        assertEquals(0, r.code(), r::toString);
        float[] expected = TestAudio.scaled(TestModels.stream(TestModels.net(demonet), x), -18 - loudness + 2);
        assertTrue(TestAudio.maxAbsDiff(expected, TestAudio.read(dir.resolve("out/py__demonet/x.wav")).channel(0))
                <= 1e-6);
    }

    @Test
    void normalizeWarnsAndSkipsModelsWithoutLoudness() throws IOException {
        Path demonet = TestModels.copy(TestModels.DEMONET, dir);
        ObjectMapper json = new ObjectMapper();
        ObjectNode model = (ObjectNode) json.readTree(demonet.toFile());
        ((ObjectNode) model.get("metadata")).remove("loudness");
        Path quiet = dir.resolve("unmeasured.nam");
        json.writeValue(quiet.toFile(), model);
        float[] x = TestAudio.signal(2000, 4);
        Path in = TestAudio.write(dir.resolve("x.wav"), x);

        Cli.Result r = Cli.run("render", "-m", quiet, in, "-o", dir.resolve("out"), "--engine", "cpu",
                "--normalize", "loudness");

        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains("warning: " + quiet + ": no loudness"), r::toString);
        assertTrue(TestAudio.maxAbsDiff(TestModels.stream(TestModels.net(quiet), x),
                TestAudio.read(dir.resolve("out/unmeasured/x.wav")).channel(0)) <= 1e-6);
    }

    @Test
    void slimPicksTheSizeOfSlimmableModelsAndWarnsForOthers() throws IOException {
        Path slimmable = TestModels.copy(TestModels.SLIMMABLE, dir);
        Path demonet = TestModels.copy(TestModels.DEMONET, dir);
        float[] x = TestAudio.signal(3000, 6);
        Path in = TestAudio.write(dir.resolve("x.wav"), x);

        Cli.Result r = Cli.run("render", "-m", slimmable, "-m", demonet, in, "-o", dir.resolve("out"),
                "--engine", "cpu", "--slim", 0);

        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains("warning: " + demonet + ": not a slimmable model"), r::toString);
        float[] smallest = TestModels.stream(NamLoader.load(slimmable).resolve(0.0, WaveNet.class), x);
        assertTrue(TestAudio.maxAbsDiff(smallest, TestAudio.read(dir.resolve("out/py__slimmable/x.wav")).channel(0))
                <= 1e-6);
        assertFalse(r.err().contains(slimmable + ": not a slimmable"), r::toString);
    }

    /** The pipeline --resample asks for, done on whole signals: to the model's rate, the model, back. */
    private static float[] throughModelRate(WaveNet net, float[] x, int fileRate) {
        int modelRate = (int) net.sampleRate();
        float[] up = Resampler.resample(x, fileRate, modelRate);
        float[] back = Resampler.resample(TestModels.stream(net, up), modelRate, fileRate);
        return java.util.Arrays.copyOf(back, x.length);
    }
}
