package org.namcl.docs;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.namcl.audio.Wav;
import org.namcl.cpu.CpuEngine;
import org.namcl.engine.Engine;
import org.namcl.engine.StreamRenderer;
import org.namcl.model.NamFile;
import org.namcl.model.NamLoader;
import org.namcl.model.net.Network;
import org.namcl.render.BatchRenderer;
import org.namcl.render.EngineChoice;
import org.namcl.render.EngineSelector;
import org.namcl.render.InputCollector;
import org.namcl.render.InputFile;
import org.namcl.render.OutputFormat;
import org.namcl.render.ProgressReporter;
import org.namcl.render.RenderOptions;
import org.namcl.render.RunReport;

/**
 * The code of the README's section "Use namcl from Java": every block between a {@code // README}
 * line and {@code // END} is one of its code blocks, word for word ({@link UseFromJavaTest} checks
 * that, and runs these).
 */
final class UseFromJava {
    private UseFromJava() {
    }

    static Network load(Path model) {
        // README
        NamFile nam = NamLoader.load(model);      // a ModelException names the file and what is wrong
        Network net = nam.resolve();              // a slimmable model: nam.resolve(0.5)
        double rate = nam.sampleRateOrDefault();  // the rate it expects its input at
        // END
        return rate > 0 ? net : null;
    }

    static float[] renderArray(Network net, Path take, Path wetFile) throws IOException {
        // README
        Wav di = Wav.read(take);                  // whole; WavReader streams a file of any length
        float[] wet;
        try (Engine cpu = new CpuEngine()) {      // a thread per core
            wet = cpu.render(net, di.channel(0)); // silence before the first sample
        }
        Wav.write(wetFile, di.format().sampleRate(), wet);
        // END
        return wet;
    }

    static float[] stream(Network net, float[] di) {
        // README
        float[] live = new float[di.length];
        try (Engine cpu = new CpuEngine(1); StreamRenderer stream = cpu.open(net)) {
            for (int i = 0; i < di.length; i += 128) { // blocks of any size, as an audio callback gives them
                stream.process(di, i, live, i, Math.min(128, di.length - i));
            }
        }
        // END
        return live;
    }

    static long renderFiles(Path model, Path takes, Path outDir) {
        // README
        RenderOptions options = RenderOptions.builder().format(OutputFormat.PCM24).tail(true).build();
        RunReport report = new RunReport("my-tool 1.0", List.of(), options);
        ProgressReporter quiet = new ProgressReporter(new PrintWriter(System.err, true), true, false);
        List<InputFile> inputs = InputCollector.collect(List.of(takes), outDir);
        new BatchRenderer(options, quiet, report).run(List.of(model), inputs, outDir);
        long failed = report.count(RunReport.Status.FAILED); // report.pairs(): each pair's outcome
        // END
        return failed;
    }

    static String chooseEngine() {
        // README
        String chosen;
        try (EngineSelector engines = EngineSelector.select(EngineChoice.AUTO, null, 2, System.err::println)) {
            Engine engine = engines.primary();    // OpenCL on a GPU, else the CPU engine (and says why)
            chosen = engine.description();
        }
        // END
        return chosen;
    }
}
