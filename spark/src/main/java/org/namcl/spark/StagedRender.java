package org.namcl.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.namcl.cli.Version;
import org.namcl.render.BatchRenderer;
import org.namcl.render.Destination;
import org.namcl.render.InputFile;
import org.namcl.render.OutputPaths;
import org.namcl.render.Problems;
import org.namcl.render.ProgressReporter;
import org.namcl.render.RenderException;
import org.namcl.render.RenderOptions;
import org.namcl.render.RunReport;
import org.namcl.render.RunReport.Status;

/**
 * One model's share of a render job where a file is remote: remote inputs and the model are copied
 * to a local {@link Staging} (inputs a batch of at most {@link #BATCH_BYTES} at a time, removed
 * after it), rendered by {@link BatchRenderer} exactly as local ones, and each output of a remote
 * folder written there whole ({@link RemoteFiles#publish}). Resume rules are render's own: each
 * remote output's head (where namcl keeps its record) is copied to where the local output would
 * be, so the renderer skips what is up to date, renders again what is not, and leaves alone what
 * namcl did not write.
 */
final class StagedRender {
    /** Inputs copied to the executor's disk at one time: a batch closes once past it. */
    static final long BATCH_BYTES = 1L << 30;

    private final RemoteFiles files;
    private final RenderOptions options;
    private final ProgressReporter progress;
    private final FileRef outDir;

    StagedRender(RemoteFiles files, RenderOptions options, ProgressReporter progress, FileRef outDir) {
        this.files = files;
        this.options = options;
        this.progress = progress;
        this.outDir = outDir;
    }

    /** Renders {@code inputs} through {@code model}: one pair per input, in their order (JSON). */
    TaskRun.Done run(FileRef model, List<InputRef> inputs) {
        Staging staging = Staging.open(files);
        try (staging) {
            Staging.Copy m = staging.copy(model);
            if (m.problem() != null) {
                progress.error(model.path() + ": " + m.problem());
            }
            Path out = outDir.remote() ? staging.folder(outDir.path()) : outDir.localPath();
            List<String> results = new ArrayList<>();
            String engine = "none";
            List<InputFile> batch = new ArrayList<>();
            long bytes = 0;
            for (int i = 0; i < inputs.size(); i++) {
                InputFile in = local(staging, inputs.get(i));
                batch.add(in);
                bytes += inputs.get(i).file().remote() ? size(in.path()) : 0;
                if (bytes >= BATCH_BYTES || i == inputs.size() - 1) {
                    String e = render(staging, m.path(), batch, out, results);
                    engine = e.equals("none") ? engine : e;
                    batch.forEach(f -> staging.delete(f.path()));
                    batch.clear();
                    bytes = 0;
                }
            }
            return new TaskRun.Done(results, engine, staging::shown);
        }
    }

    /** The input as the renderer takes it: a remote one copied, named as the user gave it. */
    private static InputFile local(Staging staging, InputRef in) {
        if (!in.file().remote()) {
            return in.local();
        }
        if (in.problem() != null) {
            return new InputFile(Path.of(in.file().fileName()), Path.of(in.relative()), in.problem(), in.file().path());
        }
        Staging.Copy c = staging.copy(in.file());
        return new InputFile(c.path(), Path.of(in.relative()), c.problem(), in.file().path());
    }

    /** Renders one batch, adding its pairs to {@code results}; the engine's description. */
    private String render(Staging staging, Path model, List<InputFile> batch, Path out, List<String> results) {
        List<InputFile> inputs = outDir.remote() && !options.overwrite()
                ? batch.stream().map(in -> primed(staging, model, in, out)).toList() : batch;
        RunReport report = new RunReport(Version.get(), List.of(), options);
        new BatchRenderer(options, progress, report).run(List.of(model), inputs, Destination.folder(out));
        for (RunReport.Pair p : report.pairs()) {
            RunReport.Pair done = outDir.remote() ? published(staging, p) : p;
            results.add(Wire.write(shown(staging, done)));
        }
        return report.engine();
    }

    /**
     * The input, its remote output's head (if any) copied where the renderer will look for it; or
     * the input failing when that output cannot be read.
     */
    private InputFile primed(Staging staging, Path model, InputFile in, Path out) {
        if (in.problem() != null) {
            return in;
        }
        Path local;
        try {
            local = OutputPaths.output(out, OutputPaths.modelName(model), in);
        } catch (RenderException e) {
            return in; // the renderer says why
        }
        String remote = staging.shown(local.toString());
        try {
            byte[] head = files.head(remote);
            if (head != null) {
                Files.createDirectories(local.getParent());
                Files.write(local, head);
            }
            return in;
        } catch (IOException e) {
            return new InputFile(in.path(), in.relative(), "cannot read its output " + remote + ": "
                    + Problems.describe(e), in.shown());
        }
    }

    /** A rendered pair's output written to the remote folder (failing if it cannot be), its local file removed. */
    private RunReport.Pair published(Staging staging, RunReport.Pair p) {
        if (p.status() != Status.RENDERED && p.status() != Status.RERENDERED) {
            return p;
        }
        Path local = Path.of(p.output());
        String remote = staging.shown(p.output());
        try {
            files.publish(local, remote);
            return p;
        } catch (IOException | RuntimeException e) {
            String why = "cannot write " + remote + ": " + Problems.describe(e);
            progress.error(p.input() + ": " + why);
            return new RunReport.Pair(p.input(), p.model(), p.output(), Status.FAILED, null, null, null, null,
                    p.seconds(), p.wallSeconds(), p.engine(), null, null, why);
        } finally {
            staging.delete(local);
        }
    }

    /** The pair as the user named its files. */
    private static RunReport.Pair shown(Staging s, RunReport.Pair p) {
        return new RunReport.Pair(p.input(), s.shown(p.model()), s.shown(p.output()), p.status(),
                s.shown(p.reason()), p.frames(), p.channels(), p.sampleRate(), p.seconds(), p.wallSeconds(),
                p.engine(), p.clippedSamples(), p.levels(), s.shown(p.error()));
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
