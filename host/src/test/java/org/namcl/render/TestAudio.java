package org.namcl.render;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.namcl.audio.SampleEncoding;
import org.namcl.audio.Wav;

/** WAV files for tests: signals, writing (also invalid files), reading back whole. */
public final class TestAudio {

    private TestAudio() {
    }

    /** Sines and a little noise, peak about 0.5, different per seed. */
    public static float[] signal(int n, long seed) {
        Random rnd = new Random(seed);
        double f1 = 80 + rnd.nextInt(400);
        double f2 = 1000 + rnd.nextInt(3000);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double t = i / 48000.0;
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * f1 * t) + 0.15 * Math.sin(2 * Math.PI * f2 * t)
                    + 0.05 * rnd.nextGaussian());
        }
        return x;
    }

    /** Writes {@code channels} (one array each) with the audio package's writer. */
    public static Path write(Path file, int rate, SampleEncoding encoding, float[]... channels) throws IOException {
        return Wav.write(file, rate, encoding, channels);
    }

    public static Path write(Path file, float[]... channels) throws IOException {
        return write(file, 48000, SampleEncoding.FLOAT32, channels);
    }

    /** A mono 32-bit float WAV written byte by byte, so it may hold NaN or infinities. */
    public static Path writeRawFloat(Path file, int rate, float[] samples) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(44 + 4 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 4 * samples.length)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 3).putShort((short) 1).putInt(rate).putInt(rate * 4)
                .putShort((short) 4).putShort((short) 32)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(4 * samples.length);
        for (float s : samples) {
            b.putFloat(s);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, b.array());
    }

    public static Wav read(Path file) throws IOException {
        return Wav.read(file);
    }

    /** Raw little-endian float32 samples. */
    public static float[] readF32(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] x = new float[b.remaining() / 4];
        b.asFloatBuffer().get(x);
        return x;
    }

    public static float[] scaled(float[] x, double db) {
        float g = (float) Math.pow(10, db / 20);
        float[] y = Arrays.copyOf(x, x.length);
        for (int i = 0; i < y.length; i++) {
            y[i] *= g;
        }
        return y;
    }

    public static double maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
        }
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
