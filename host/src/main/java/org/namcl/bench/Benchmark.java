package org.namcl.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.OptionalInt;
import org.namcl.cpu.CpuEngine;
import org.namcl.cpu.CpuKernels;
import org.namcl.cpu.CpuStreams;
import org.namcl.engine.StreamRenderer;
import org.namcl.model.net.Network;
import org.namcl.model.net.WaveNet;
import org.namcl.opencl.OpenClDevices;
import org.namcl.opencl.OpenClEngine;
import org.namcl.opencl.WorkEstimate;

/**
 * Measures the engines side by side on the common model shapes and prints one table: samples/s
 * and × real time at 48 kHz for the streaming CPU engine (one thread), the offline CPU renderer
 * (all threads) and the OpenCL engine (when a device is there and the model is a WaveNet), the
 * ratio OpenCL / offline CPU, and the OpenCL engine's achieved GFLOP/s and GB/s.
 */
public final class Benchmark {
    static final double RATE = 48000;

    /**
     * What to run.
     *
     * @param device OpenCL device selector (see OpenClDevices.choose), or "none" to measure the
     *               CPU only
     */
    public record Options(double seconds, int threads, List<ModelShape> shapes, String device) {
        public static Options defaults() {
            return new Options(60, Runtime.getRuntime().availableProcessors(), List.of(ModelShape.values()), "auto");
        }
    }

    /** One measured row; openclRate is NaN when no OpenCL device was measured (or the model is no WaveNet). */
    public record Row(ModelShape shape, long params, OptionalInt receptiveField, double streamRate, double offlineRate,
                      double openclRate) {
    }

    private Benchmark() {
    }

    public static void main(String[] args) {
        Options o = Options.defaults();
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : o.seconds();
        run(new Options(seconds, o.threads(), o.shapes(), o.device()), System.out);
    }

    public static List<Row> run(Options o, PrintStream out) {
        float[] input = signal((int) (o.seconds() * RATE), BenchFiles.SIGNAL_SEED);
        out.printf("namcl bench: %.0f s of audio at 48 kHz per model and engine; CPU offline on %d threads; %s %s; CPU engine: %s%n",
                o.seconds(), o.threads(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                CpuKernels.describe());
        warmUp(input);
        List<Network> nets = new ArrayList<>();
        double[] stream = new double[o.shapes().size()];
        double[] offline = new double[stream.length];
        for (int i = 0; i < stream.length; i++) {
            nets.add(o.shapes().get(i).build(BenchFiles.MODEL_SEED).resolve());
            stream[i] = streamRate(nets.get(i), input);
            offline[i] = offlineRate(nets.get(i), input, o.threads());
        }
        // OpenCL last: a CPU driver's worker threads would compete with the CPU engine's
        double[] cl = new double[stream.length];
        Arrays.fill(cl, Double.NaN);
        double[] clBytes = new double[stream.length];
        String device = "not measured";
        try (OpenClEngine opencl = openCl(o.device(), out)) {
            if (opencl != null) {
                device = opencl.description();
                for (int i = 0; i < cl.length; i++) {
                    if (nets.get(i) instanceof WaveNet w) {
                        cl[i] = openClRate(opencl, w, input);
                        clBytes[i] = opencl.plan(w).bytesPerSample();
                    }
                }
            }
        }
        out.printf("OpenCL: %s. GFLOP/s counts 2 FLOPs per multiply-add of every conv, 1x1 and FiLM; GB/s counts "
                + "the bytes a sample moves through device memory on the plan the engine chose (B/sample: the rows "
                + "each launch reads and writes)%n", device);
        out.printf("%-11s %6s %5s | %10s %6s | %10s %6s | %11s %7s %7s | %7s %8s %6s%n", "model", "params", "RF",
                "stream/s", "xRT", "offline/s", "xRT", "opencl/s", "xRT", "CL/CPU", "GFLOP/s", "B/sample", "GB/s");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < stream.length; i++) {
            Network net = nets.get(i);
            Row r = new Row(o.shapes().get(i), net.parameterCount(), net.finiteReceptiveField(), stream[i], offline[i],
                    cl[i]);
            rows.add(r);
            out.printf("%-11s %6d %5s | %10.0f %6.1f | %10.0f %6.1f | %s%n", r.shape().displayName(), r.params(),
                    r.receptiveField().isPresent() ? String.valueOf(r.receptiveField().getAsInt()) : "-",
                    r.streamRate(), r.streamRate() / RATE, r.offlineRate(), r.offlineRate() / RATE,
                    Double.isNaN(r.openclRate()) ? "-" : String.format("%11.0f %7.1f %7.2f | %7.1f %8.0f %6.1f",
                            r.openclRate(), r.openclRate() / RATE, r.openclRate() / r.offlineRate(),
                            r.openclRate() * WorkEstimate.flopsPerSample((WaveNet) net) * 1e-9, clBytes[i],
                            r.openclRate() * clBytes[i] * 1e-9));
        }
        return rows;
    }

    /** The OpenCL engine to measure, or null (with a line saying why) when there is none. */
    static OpenClEngine openCl(String selector, PrintStream out) {
        if ("none".equalsIgnoreCase(selector)) {
            return null;
        }
        if (OpenClDevices.list().isEmpty()) {
            out.println("OpenCL: not measured: " + OpenClDevices.unavailableReason().orElse("no device"));
            return null;
        }
        return new OpenClEngine(OpenClDevices.choose(selector));
    }

    static double openClRate(OpenClEngine engine, WaveNet net, float[] input) {
        // compile the model's programs and upload its weights before timing
        engine.render(net, Arrays.copyOf(input, (int) Math.min(input.length, RATE)));
        long t0 = System.nanoTime();
        engine.render(net, input);
        return input.length / ((System.nanoTime() - t0) * 1e-9);
    }

    /** Lets the JIT compile the hot loops before anything is timed. */
    static void warmUp(float[] input) {
        int n = Math.min(input.length, (int) (5 * RATE));
        float[] out = new float[n];
        for (ModelShape s : ModelShape.values()) {
            CpuStreams.open(s.build(1).resolve()).process(input, 0, out, 0, n);
        }
    }

    private static double streamRate(Network net, float[] input) {
        StreamRenderer s = CpuStreams.open(net);
        float[] out = new float[input.length];
        int block = 4096;
        long t0 = System.nanoTime();
        for (int i = 0; i < input.length; i += block) {
            s.process(input, i, out, i, Math.min(block, input.length - i));
        }
        return input.length / ((System.nanoTime() - t0) * 1e-9);
    }

    /**
     * The CPU engine on all threads: one long job, its blocks split over the threads (an LSTM's
     * job is one stream: this is the rate of one file).
     */
    private static double offlineRate(Network net, float[] input, int threads) {
        try (CpuEngine engine = new CpuEngine(threads)) {
            // as warmUp does for the stream column: the split path's code compiled, its streamers built
            engine.render(net, Arrays.copyOf(input, (int) Math.min(input.length, 5 * RATE)));
            long t0 = System.nanoTime();
            engine.render(net, input);
            return input.length / ((System.nanoTime() - t0) * 1e-9);
        }
    }

    /** A guitar-like test signal: decaying harmonic tones plus a little noise, peak about 0.5. */
    public static float[] signal(int n, long seed) {
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
