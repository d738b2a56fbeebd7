package org.namcl.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.namcl.bench.Benchmark;
import org.namcl.bench.EvalBench;
import org.namcl.bench.HostPipelineBench;
import org.namcl.bench.ManyModelsBench;
import org.namcl.bench.BenchFiles;
import org.namcl.bench.ModelShape;
import org.namcl.bench.OpenClPlanBench;
import org.namcl.opencl.OpenClDevices;
import org.namcl.opencl.OpenClSettings;
import org.namcl.render.EngineChoice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code namcl bench}: the engines' speed on the common model sizes. */
@Command(name = "bench",
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Measure the engines' speed on the common model sizes.",
        description = {
            "Renders a guitar-like test signal through models of the common NAM sizes (random weights, so no "
                + "files are needed) and prints samples per second and times real time at 48 kHz for the "
                + "streaming CPU engine (one thread), the offline CPU engine (all threads) and the OpenCL engine "
                + "(when a device is there), with the OpenCL engine's GFLOP/s, bytes per sample and GB/s; then the "
                + "OpenCL engine's per-layer and fused plans side by side, and the host side of render alone (PCM16 "
                + "files in, f32 out, through an engine doing no arithmetic, on 1 and on --threads host threads) "
                + "per core, beside render end to end.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK + ":Measured.", ExitCodes.USAGE + ":Invalid command line."},
        footerHeading = "%nExample:%n",
        footer = {"  namcl bench --seconds 10 --models standard,nano",
            "  namcl bench --plans-only --models standard --tile 512 --fuse-layers 4",
            "  namcl bench --host-only --seconds 240 --models nano",
            "  namcl bench --many-models 200 --seconds 2",
            "  namcl bench --eval 50 --seconds 10"})
final class BenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--seconds", paramLabel = "S",
            description = "Seconds of audio rendered per model and engine. Default: ${DEFAULT-VALUE}.")
    private double seconds = Benchmark.Options.defaults().seconds();

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads of the offline engine. Default: one per core (${DEFAULT-VALUE} here).")
    private int threads = Benchmark.Options.defaults().threads();

    @Option(names = "--models", paramLabel = "NAME", split = ",", completionCandidates = ShapeNames.class,
            description = "Model sizes to measure: ${COMPLETION-CANDIDATES}. Default: all.")
    private List<ModelShape> shapes = Benchmark.Options.defaults().shapes();

    @Option(names = "--device", paramLabel = "N|NAME|none",
            description = "OpenCL device to measure (index or name, see `namcl devices`), or none for the CPU "
                + "only. Default: ${DEFAULT-VALUE} (a GPU if there is one).")
    private String device = Benchmark.Options.defaults().device();

    @Option(names = "--tile", paramLabel = "N",
            description = "The OpenCL plans table's fused plan: at most N time positions per work-group. "
                + "Default: what the device's local memory allows.")
    private int tile;

    @Option(names = "--fuse-layers", paramLabel = "K",
            description = "The OpenCL plans table's fused plan: at most K layers per launch. Default: as many as "
                + "local memory and the halo allow.")
    private int fuseLayers;

    @Option(names = "--plans-only",
            description = "Instead: only the OpenCL plans table (to tune --tile and --fuse-layers on a device).")
    private boolean plansOnly;

    @Option(names = "--host-only",
            description = "Instead: only the host side of render (PCM16 files in, f32 out, through an engine doing "
                + "no arithmetic, on 1 and on --threads host threads) and render end to end through the "
                + "--models on the OpenCL device (on the CPU engine with --device none or without a device).")
    private boolean hostOnly;

    @Option(names = "--many-models", paramLabel = "N",
            description = "Instead: bulk throughput. Renders N models of each size (different random weights) "
                + "over one input of --seconds, and one model over N such inputs, as batches of jobs on each "
                + "engine, and prints both rates and their ratio. Default --models with it: nano.")
    private Integer manyModels;

    @Option(names = "--eval", paramLabel = "N",
            description = "Instead: what scoring costs. Times eval of N models of one size (the first of --models; "
                + "default nano) over one DI of --seconds against render of the same models, and prints both "
                + "wall times and their ratio, on the engine render's --engine auto picks (--device none: the CPU).")
    private Integer evalModels;

    @Option(names = "--write", paramLabel = "DIR",
            description = "Instead: writes the --models as DIR/<name>.nam (the weights bench measures) and "
                + "--seconds of the test signal as DIR/input.wav (mono float32, 48 kHz), for timing other "
                + "renderers on the same work (scripts/bench-cpu-vs-cpp.sh).")
    private Path writeDir;

    /** The sizes as users type them. */
    static final class ShapeNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(ModelShape.values()).map(ModelShape::displayName).iterator();
        }
    }

    @Override
    public Integer call() {
        if (!(seconds > 0)) {
            throw new ParameterException(spec.commandLine(), "--seconds must be a positive number, got " + seconds);
        }
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (writeDir != null) {
            try {
                BenchFiles.export(writeDir, seconds, shapes, printStream(out));
            } catch (IOException e) {
                spec.commandLine().getErr().println("namcl: error: cannot write " + writeDir + ": " + e.getMessage());
                return ExitCodes.FAILED;
            } finally {
                out.flush();
            }
            return ExitCodes.OK;
        }
        if (evalModels != null) {
            if (evalModels < 1) {
                throw new ParameterException(spec.commandLine(), "--eval must be at least 1");
            }
            boolean shapesGiven = spec.commandLine().getParseResult().hasMatchedOption("--models");
            boolean cpuOnly = "none".equalsIgnoreCase(device);
            EvalBench.run(evalModels, seconds, shapesGiven ? shapes.get(0) : ModelShape.NANO,
                    cpuOnly ? EngineChoice.CPU : EngineChoice.AUTO, cpuOnly ? null : device, threads, printStream(out));
            out.flush();
            return ExitCodes.OK;
        }
        if (hostOnly) {
            boolean opencl = !"none".equalsIgnoreCase(device) && !OpenClDevices.list().isEmpty();
            HostPipelineBench.run(seconds, shapes, opencl ? EngineChoice.OPENCL : EngineChoice.CPU,
                    opencl ? device : null, threads, printStream(out));
            out.flush();
            return ExitCodes.OK;
        }
        if (manyModels != null) {
            if (manyModels < 1) {
                throw new ParameterException(spec.commandLine(), "--many-models must be at least 1, got " + manyModels);
            }
            boolean shapesGiven = spec.commandLine().getParseResult().hasMatchedOption("--models");
            ManyModelsBench.run(manyModels, seconds, threads, shapesGiven ? shapes : List.of(ModelShape.NANO), device,
                    printStream(out));
            out.flush();
            return ExitCodes.OK;
        }
        if (tile < 0 || fuseLayers < 0) {
            throw new ParameterException(spec.commandLine(), "--tile and --fuse-layers must be positive");
        }
        OpenClSettings fused = OpenClSettings.defaults().withMaxTile(tile).withMaxLayers(fuseLayers);
        if (plansOnly) {
            OpenClPlanBench.runOn(device, seconds, shapes, fused, printStream(out));
        } else {
            Benchmark.run(new Benchmark.Options(seconds, threads, shapes, device), printStream(out));
            boolean opencl = !OpenClPlanBench.runOn(device, seconds, shapes, fused, printStream(out)).isEmpty();
            HostPipelineBench.run(seconds, shapes, opencl ? EngineChoice.OPENCL : EngineChoice.CPU,
                    opencl ? device : null, threads, printStream(out));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Benchmark prints to a PrintStream; this one forwards whole lines to the command's writer. */
    private static PrintStream printStream(PrintWriter out) {
        OutputStream bytes = new OutputStream() {
            private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                pending.write(b);
            }

            @Override
            public void flush() {
                out.print(pending.toString(StandardCharsets.UTF_8));
                out.flush();
                pending.reset();
            }
        };
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
