package org.namcl.parity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.audio.SampleEncoding;
import org.namcl.audio.WavFormat;
import org.namcl.audio.WavReader;
import org.namcl.audio.WavWriter;
import org.namcl.cli.Main;
import org.namcl.cpu.CpuStreams;
import org.namcl.gen.RandomCoverage;
import org.namcl.model.NamLoader;
import org.namcl.opencl.DeviceInfo;
import org.namcl.opencl.OpenClTestSupport;
import org.namcl.gen.TestSignals;
import org.namcl.testing.Tolerance;
import picocli.CommandLine;

/**
 * {@code namcl render --engine opencl} on a batch of short files (packed into shared launches)
 * gives the CPU engine's output, file by file and channel by channel; models the OpenCL engine
 * does not run go to the CPU engine under {@code auto} and are refused under {@code opencl}.
 */
class OpenClCliTest {
    @TempDir
    Path dir;

    @Test
    void aPackedBatchOfShortFilesMatchesTheCpuEngine() throws IOException {
        DeviceInfo device = OpenClTestSupport.requireDevice();
        Path model = ReferenceSet.bundled().resolve("models").resolve("py__film_all.nam");
        int[] lengths = {1, 700, 4093, 9000, 20000};
        for (int i = 0; i < lengths.length; i++) {
            write(dir.resolve("in/f" + i + ".wav"), i == 2 ? 2 : 1, lengths[i], i);
        }
        for (String engine : new String[] {"opencl", "cpu"}) {
            int code = Main.commandLine().execute("render", "-m", model.toString(), dir.resolve("in").toString(),
                    "-o", dir.resolve(engine).toString(), "--engine", engine, "--device",
                    String.valueOf(device.index()), "--quiet");
            assertEquals(0, code, engine);
        }
        for (int i = 0; i < lengths.length; i++) {
            float[][] cl = read(dir.resolve("opencl/py__film_all/f" + i + ".wav"));
            float[][] cpu = read(dir.resolve("cpu/py__film_all/f" + i + ".wav"));
            assertEquals(cpu.length, cl.length);
            for (int c = 0; c < cpu.length; c++) {
                Tolerance.assertMatches("f" + i + " channel " + c, cpu[c], cl[c]);
            }
        }
    }

    @Test
    void compareOfTheCpuEngineWithTheDevicePassesAndATighterLimitFails() throws IOException {
        DeviceInfo device = OpenClTestSupport.requireDevice();
        Path models = dir.resolve("models");
        java.nio.file.Files.createDirectories(models);
        for (String m : new String[] {"py__standard.nam", "py__film_all.nam", "py__gated.nam"}) {
            java.nio.file.Files.copy(ReferenceSet.bundled().resolve("models").resolve(m), models.resolve(m));
        }
        write(dir.resolve("in/mono.wav"), 1, 20000, 1);
        write(dir.resolve("in/stereo.wav"), 2, 6000, 2);
        String sides = "cpu,opencl:" + device.index();

        int pass = Main.commandLine().execute("compare", "-m", models.toString(), dir.resolve("in").toString(),
                "--sides", sides, "--quiet");
        int fail = Main.commandLine().execute("compare", "-m", models.toString(), dir.resolve("in").toString(),
                "--sides", sides, "--tolerance", "esr=1e-30,peak=1e-30", "--quiet");

        assertEquals(0, pass, "the device is within the engines' limits");
        assertEquals(1, fail, "float32 engines are not bit-identical: a limit of 1e-30 must fail");
    }

    @Test
    void theQualifyingSuitePassesOnTheDeviceForEveryFeature() {
        DeviceInfo device = OpenClTestSupport.requireDevice();
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cmd = Main.commandLine();
        cmd.setOut(new java.io.PrintWriter(out, true));

        int code = cmd.execute("compare", "--qualify", "--device", String.valueOf(device.index()), "--quiet");

        assertEquals(0, code, out::toString);
        for (String feature : RandomCoverage.all()) {
            assertTrue(out.toString().lines().anyMatch(l -> l.startsWith(feature + " ") && l.contains("pass (")
                    && !l.contains("FAIL")), () -> feature + " missing or failing:\n" + out);
        }
    }

    @Test
    void autoRendersAModelOpenClDoesNotRunOnTheCpuWithOneNotice() throws IOException {
        DeviceInfo device = OpenClTestSupport.requireDevice();
        Path model = ReferenceSet.bundled().resolve("models").resolve("gen__convnet_relu.nam");
        write(dir.resolve("in/a.wav"), 1, 3000, 1);
        write(dir.resolve("in/b.wav"), 2, 2000, 2);
        StringWriter err = new StringWriter();

        int code = render(err, "-m", model.toString(), dir.resolve("in").toString(), "-o", dir.resolve("out").toString(),
                "--engine", "auto", "--device", String.valueOf(device.index()));

        assertEquals(0, code, err::toString);
        String notice = model + ": the OpenCL engine does not run ConvNet models; rendering it on the cpu engine";
        assertEquals(1, err.toString().split(Pattern.quote(notice), -1).length - 1, err::toString);
        float[] in = read(dir.resolve("in/a.wav"))[0];
        float[] expected = new float[in.length];
        CpuStreams.open(NamLoader.load(model).resolve()).process(in, expected, in.length);
        assertArrayEquals(expected, read(dir.resolve("out/gen__convnet_relu/a.wav"))[0]);
    }

    @Test
    void openClRefusesAModelItDoesNotRunInOneLine() throws IOException {
        DeviceInfo device = OpenClTestSupport.requireDevice();
        Path model = ReferenceSet.bundled().resolve("models").resolve("gen__convnet_relu.nam");
        write(dir.resolve("in/a.wav"), 1, 3000, 1);
        StringWriter err = new StringWriter();

        int code = render(err, "-m", model.toString(), dir.resolve("in").toString(), "-o", dir.resolve("out").toString(),
                "--engine", "opencl", "--device", String.valueOf(device.index()));

        assertEquals(1, code, err::toString);
        assertTrue(err.toString().contains("namcl: error: " + model
                + ": the OpenCL engine does not run ConvNet models (skipping its 1 file)"), err::toString);
    }

    private static int render(StringWriter err, String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "render";
        System.arraycopy(args, 0, all, 1, args.length);
        return cmd.execute(all);
    }

    private static void write(Path file, int channels, int frames, long seed) throws IOException {
        java.nio.file.Files.createDirectories(file.getParent());
        float[][] x = new float[channels][];
        for (int c = 0; c < channels; c++) {
            x[c] = TestSignals.mixed(frames, 10 * seed + c);
        }
        try (WavWriter w = WavWriter.create(file, new WavFormat(channels, 48000, SampleEncoding.FLOAT32))) {
            w.write(x, 0, frames);
            w.commit();
        }
    }

    private static float[][] read(Path file) throws IOException {
        try (WavReader r = WavReader.open(file)) {
            float[][] x = new float[r.format().channels()][(int) r.frames()];
            for (int at = 0, n; (n = r.read(x, at, x[0].length - at)) > 0; ) {
                at += n;
            }
            return x;
        }
    }
}
