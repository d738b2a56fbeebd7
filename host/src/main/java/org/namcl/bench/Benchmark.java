package org.namcl.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.namcl.cpu.OfflineRenderer;
import org.namcl.cpu.WaveNetStreamer;
import org.namcl.model.net.WaveNet;

/**
 * Measures the engines side by side on the common model shapes and prints one table: samples/s
 * and × real time at 48 kHz for the streaming CPU engine (one thread) and the offline CPU
 * renderer (all threads).
 */
public final class Benchmark {
    private static final double RATE = 48000;

    /** What to run. */
    public record Options(double seconds, int threads, List<ModelShape> shapes) {
        public static Options defaults() {
            return new Options(60, Runtime.getRuntime().availableProcessors(), List.of(ModelShape.values()));
        }
    }

    /** One measured row. */
    public record Row(ModelShape shape, long params, int receptiveField, double streamRate, double offlineRate) {
    }

    private Benchmark() {
    }

    public static void main(String[] args) {
        Options o = Options.defaults();
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : o.seconds();
        run(new Options(seconds, o.threads(), o.shapes()), System.out);
    }

    public static List<Row> run(Options o, PrintStream out) {
        float[] input = signal((int) (o.seconds() * RATE), 1);
        out.printf("namcl benchmark: %.0f s of audio at 48 kHz per model; offline on %d threads; %s%n",
                o.seconds(), o.threads(), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        warmUp(input);
        out.printf("%-9s %7s %6s | %14s %9s | %14s %9s | %8s%n", "model", "params", "RF",
                "stream smp/s", "stream xRT", "offline smp/s", "offl. xRT", "offl/str");
        List<Row> rows = new ArrayList<>();
        for (ModelShape s : o.shapes()) {
            WaveNet net = s.build(42).resolve();
            double stream = streamRate(net, input);
            double offline = offlineRate(net, input, o.threads());
            Row r = new Row(s, net.parameterCount(), net.receptiveField(), stream, offline);
            rows.add(r);
            out.printf("%-9s %7d %6d | %14.0f %9.1f | %14.0f %9.1f | %8.2f%n", s.displayName(), r.params(),
                    r.receptiveField(), stream, stream / RATE, offline, offline / RATE, offline / stream);
        }
        return rows;
    }

    /** Lets the JIT compile the hot loops before anything is timed. */
    private static void warmUp(float[] input) {
        int n = Math.min(input.length, (int) (5 * RATE));
        float[] out = new float[n];
        for (ModelShape s : ModelShape.values()) {
            new WaveNetStreamer(s.build(1).resolve()).process(input, 0, out, 0, n);
        }
    }

    private static double streamRate(WaveNet net, float[] input) {
        WaveNetStreamer s = new WaveNetStreamer(net);
        float[] out = new float[input.length];
        int block = 4096;
        long t0 = System.nanoTime();
        for (int i = 0; i < input.length; i += block) {
            s.process(input, i, out, i, Math.min(block, input.length - i));
        }
        return input.length / ((System.nanoTime() - t0) * 1e-9);
    }

    private static double offlineRate(WaveNet net, float[] input, int threads) {
        try (OfflineRenderer r = new OfflineRenderer(net, threads, 0)) {
            long t0 = System.nanoTime();
            r.render(input);
            return input.length / ((System.nanoTime() - t0) * 1e-9);
        }
    }

    /** A guitar-like test signal: decaying harmonic tones plus a little noise, peak about 0.5. */
    static float[] signal(int n, long seed) {
        Random rnd = new Random(seed);
        float[] x = new float[n];
        double f = 110;
        for (int i = 0; i < n; i++) {
            int note = i / 24000;
            double t = (i % 24000) / RATE;
            double freq = f * Math.pow(2, (note * 7 % 24) / 12.0);
            double env = Math.exp(-3 * t);
            x[i] = (float) (0.4 * env * (Math.sin(2 * Math.PI * freq * t) + 0.3 * Math.sin(4 * Math.PI * freq * t))
                    + 0.005 * rnd.nextGaussian());
        }
        return x;
    }
}
