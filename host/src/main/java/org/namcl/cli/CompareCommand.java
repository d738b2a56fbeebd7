package org.namcl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.namcl.compare.CompareHtml;
import org.namcl.compare.CompareReport;
import org.namcl.compare.CompareRun;
import org.namcl.compare.Limits;
import org.namcl.compare.PairComparison;
import org.namcl.compare.Qualification;
import org.namcl.compare.PairComparison.Verdict;
import org.namcl.compare.Side;
import org.namcl.engine.Equivalence;
import org.namcl.opencl.OpenClDevices;
import org.namcl.render.EngineChoice;
import org.namcl.render.InputCollector;
import org.namcl.render.InputFile;
import org.namcl.render.ProgressReporter;
import org.namcl.render.Terminal;
import org.namcl.render.RenderOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code namcl compare}: every (model, input) pair rendered on two or more sides, measured against a baseline. */
@Command(name = "compare",
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Prove two renderings equal: CPU vs OpenCL, device vs device, namcl vs renders made elsewhere.",
        description = {
            "Every input is rendered through every model on each side, at the file's sample rate, and "
                + "measured against the baseline (the first side, or the file in --against): ESR, the largest "
                + "difference (absolute and per the baseline's peak) and where it is, the largest distance in "
                + "float32 steps (ulps), the share of bit-identical samples, non-finite samples and lengths. A "
                + "pair passes when its lengths agree, every sample is finite and ESR and max|d| are within "
                + "--tolerance. Each failing pair gets a line; the last lines count them and name the worst pair.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":Every pair passed.",
            ExitCodes.FAILED + ":Some pair failed or could not be compared (each is named).",
            ExitCodes.USAGE + ":Invalid command line.",
            ExitCodes.NO_INPUT + ":No WAV files in the inputs given."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  The CPU engine against every OpenCL device, over a folder of takes:",
            "    namcl compare -m amp.nam takes/",
            "  Two devices, the first as the baseline:",
            "    namcl compare -m captures/ --sides opencl:0,opencl:1 takes/",
            "  namcl's CPU engine against renders made by another tool (DIR/<model name>/<file>.wav):",
            "    namcl compare -m captures/ takes/ --against other-renders/ --report compare.json",
            "  Qualify a new device or driver with the built-in suite:",
            "    namcl compare --qualify --device 0"})
final class CompareCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOptions models;

    @Parameters(arity = "0..*", paramLabel = "INPUT", description = "WAV files, or folders to search for WAV files.")
    private List<Path> inputs = new ArrayList<>();

    @Option(names = "--qualify",
            description = "Instead of models and inputs: the built-in suite for a new device or driver. Seeded "
                    + "random WaveNets that together use every feature, and the common model sizes, render stress "
                    + "signals (silence, impulses, full-scale squares, DC, noise, sines, a sweep; packed into "
                    + "shared launches on OpenCL) on each side, OpenCL with chunks shorter than the receptive "
                    + "field and with chunks from device memory; prints pass or FAIL per feature.")
    private boolean qualify;

    @Option(names = "--sides", split = ",", paramLabel = "SIDE",
            description = "The engines to render on, each cpu, opencl (the default device) or opencl:DEVICE (an "
                    + "index or name as 'namcl devices' lists them); the first is the baseline unless --against "
                    + "is given. Default: cpu and every OpenCL device (or those --device names); with --against, "
                    + "cpu.")
    private List<String> sides = new ArrayList<>();

    @Option(names = "--device", paramLabel = "N|NAME",
            description = "An OpenCL device to compare with the CPU engine (repeatable), when --sides is not given.")
    private List<String> devices = new ArrayList<>();

    @Option(names = "--against", paramLabel = "DIR",
            description = "Compare with renders made elsewhere (NAM's own tools, an older namcl, a plugin bounce): "
                    + "DIR/<model name>/<path relative to the folder given>.wav, as render writes them, or "
                    + "DIR/<relative path>.wav with one model. These files are the baseline.")
    private Path against;

    @Option(names = "--tolerance", paramLabel = "esr=X,peak=Y",
            defaultValue = "esr=" + Equivalence.MAX_ESR + ",peak=" + Equivalence.MAX_ABS_PER_PEAK,
            description = "Limits for a pass: ESR below X, max|d| at or below Y times the baseline's peak. "
                    + "Default: ${DEFAULT-VALUE}, the limits namcl's test suite holds every engine to.")
    private String tolerance;

    @Mixin
    private ThreadsOption threadsOption;

    @Mixin
    private SlimOption slimOption;

    @Option(names = "--report", paramLabel = "FILE.json",
            description = "Also write every pair's metrics and verdict, worst first, as JSON.")
    private Path reportFile;

    @Option(names = "--html", paramLabel = "FILE.html",
            description = "Also write a self-contained page: every pair in a table, worst first, and for the worst "
                    + CompareHtml.CHARTED + " the difference over time and its spectrum.")
    private Path htmlFile;

    @Option(names = {"-q", "--quiet"}, description = "Print failing pairs and errors only: no progress or summary.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        Limits limits = limits();
        if (qualify) {
            return qualify(limits);
        }
        if (inputs.isEmpty()) {
            throw usage("no inputs: give WAV files or folders (or --qualify)");
        }
        List<Path> modelPaths = models();
        List<Side> chosen = chosenSides();
        ProgressReporter progress = new ProgressReporter(spec.commandLine().getErr(), quiet, Terminal.stderrIsTerminal());
        if (against != null && !Files.isDirectory(against)) {
            progress.error("--against " + against + " is not a folder");
            return ExitCodes.FAILED;
        }
        if (chosen == null) {
            progress.error("no OpenCL device to compare the CPU engine with ("
                    + OpenClDevices.unavailableReason().orElse("none found") + "); name two sides with --sides, "
                    + "or a folder of renders with --against");
            return ExitCodes.FAILED;
        }
        List<InputFile> files = InputCollector.collect(inputs, against);
        if (files.isEmpty()) {
            progress.error("no WAV files found in "
                    + inputs.stream().map(Path::toString).collect(Collectors.joining(", ")));
            return ExitCodes.NO_INPUT;
        }
        for (InputFile f : files) {
            if (f.problem() != null) {
                progress.error(f.path() + ": " + f.problem());
            }
        }
        RenderOptions loading;
        try {
            loading = RenderOptions.builder().engine(EngineChoice.CPU).threads(threadsOption.threads)
                    .slim(slimOption.slim).build();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        CompareRun run = new CompareRun(chosen, against, limits, loading, threadsOption.threads, progress)
                .charting(htmlFile == null ? 0 : CompareHtml.CHARTED);
        List<PairComparison> results;
        try (InterruptSummary interrupted = InterruptSummary.install(progress,
                () -> printSummary(progress, new CompareReport(run.resultsSoFar(), limits)))) {
            results = run.run(modelPaths, files);
        }
        CompareReport report = new CompareReport(results, limits);
        progress.summary(() -> printSummary(progress, report));
        int code = report.count(Verdict.PASS) == results.size() ? ExitCodes.OK : ExitCodes.FAILED;
        List<String> arguments = spec.commandLine().getParseResult().originalArgs();
        try {
            if (reportFile != null) {
                report.write(reportFile, Version.get(), arguments);
            }
            if (htmlFile != null) {
                CompareHtml.write(htmlFile, report, run.traces(), Version.get(), arguments);
            }
        } catch (IOException e) {
            progress.error(e.getMessage());
            return ExitCodes.FAILED;
        }
        return code;
    }

    /** The last lines: how many pairs passed, the worst one (notices: not when quiet). */
    private static void printSummary(ProgressReporter progress, CompareReport report) {
        report.summary().forEach(progress::notice);
    }

    private int qualify(Limits limits) {
        if (!inputs.isEmpty() || models.given() || against != null) {
            throw usage("--qualify brings its own models and signals: give no models, inputs or --against");
        }
        ProgressReporter progress = new ProgressReporter(spec.commandLine().getErr(), quiet, false);
        List<Side> chosen = chosenSides();
        if (chosen == null) {
            progress.error("no OpenCL device to qualify (" + OpenClDevices.unavailableReason().orElse("none found")
                    + "); name the sides with --sides");
            return ExitCodes.FAILED;
        }
        progress.notice("qualifying " + chosen.subList(1, chosen.size()).stream().map(Side::toString)
                .collect(Collectors.joining(", ")) + " against " + chosen.get(0) + " ...");
        List<Qualification.Outcome> outcomes = new Qualification(chosen, limits, threadsOption.threads)
                .run(progress::error);
        Map<String, Map<String, String>> table = Qualification.byFeature(outcomes);
        PrintWriter out = spec.commandLine().getOut();
        List<String> configs = table.values().iterator().next().keySet().stream().toList();
        int width = table.keySet().stream().mapToInt(String::length).max().orElse(7) + 2;
        StringBuilder head = new StringBuilder(String.format("%-" + width + "s", "feature"));
        configs.forEach(c -> head.append(String.format("%-40s", c)));
        out.println(head.toString().stripTrailing());
        table.forEach((feature, row) -> {
            StringBuilder line = new StringBuilder(String.format("%-" + width + "s", feature));
            configs.forEach(c -> line.append(String.format("%-40s", row.getOrDefault(c, "-"))));
            out.println(line.toString().stripTrailing());
        });
        out.flush();
        long failing = table.values().stream().filter(r -> r.values().stream().anyMatch(v -> v.startsWith("FAIL")))
                .count();
        if (failing == 0) {
            progress.notice("qualified: every feature passes on every side (" + outcomes.size() + " model runs)");
            return ExitCodes.OK;
        }
        progress.error("not qualified: " + failing + " of " + table.size() + " features fail");
        return ExitCodes.FAILED;
    }

    private Limits limits() {
        try {
            return Limits.parse(tolerance);
        } catch (IllegalArgumentException e) {
            throw usage("--tolerance: " + e.getMessage());
        }
    }

    private List<Path> models() {
        try {
            return models.collect(inputs);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** The sides asked for, or the default ones; null when the default needs an OpenCL device and there is none. */
    private List<Side> chosenSides() {
        if (!sides.isEmpty()) {
            if (!devices.isEmpty()) {
                throw usage("--device and --sides cannot be combined: name the devices in --sides (opencl:DEVICE)");
            }
            List<Side> parsed = new ArrayList<>();
            try {
                sides.forEach(s -> parsed.add(Side.parse(s)));
            } catch (IllegalArgumentException e) {
                throw usage("--sides: " + e.getMessage());
            }
            if (against == null && parsed.size() < 2) {
                throw usage("--sides needs two sides or more (the first is the baseline), or --against DIR");
            }
            return parsed;
        }
        if (against != null) {
            return List.of(Side.cpu());
        }
        List<Side> chosen = new ArrayList<>(List.of(Side.cpu()));
        if (!devices.isEmpty()) {
            devices.forEach(d -> chosen.add(Side.openCl(d)));
            return chosen;
        }
        int found = OpenClDevices.list().size();
        if (found == 0) {
            return null;
        }
        IntStream.range(0, found).forEach(i -> chosen.add(Side.openCl(Integer.toString(i))));
        return chosen;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
