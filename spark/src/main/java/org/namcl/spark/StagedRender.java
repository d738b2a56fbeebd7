package org.namcl.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.namcl.cli.Version;
import org.namcl.render.BatchRenderer;
import org.namcl.render.Destination;
import org.namcl.render.InputFile;
import org.namcl.render.OutputPaths;
import org.namcl.render.OutputRecord;
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
 * be; an output whose record matches its remote input's size and time ({@link OutputRecord#upToDate})
 * is skipped without copying the input, and the renderer decides about the rest (render again what
 * is not up to date, leave alone what namcl did not write).
 */
final class StagedRender {
    /** Inputs copied to the executor's disk at one time: a batch closes once past it. */
    static final long BATCH_BYTES = 1L << 30;

    private final RemoteFiles files;
    private final RenderOptions options;
    private final ProgressReporter progress;
    private final FileRef outDir;
    /** Remote output folders swept of killed runs' temporaries ({@link RemoteFiles#sweepPartials}). */
    private final Set<String> swept = new HashSet<>();

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
            boolean primed = outDir.remote() && !options.overwrite();
            String modelSha256 = primed && m.problem() == null ? LocalFiles.sha256(m.path()) : null;
            List<String> results = new ArrayList<>(Collections.nCopies(inputs.size(), null));
            String engine = "none";
            Map<Integer, InputFile> batch = new LinkedHashMap<>();
            long bytes = 0;
            for (int i = 0; i < inputs.size(); i++) {
                InputRef ref = inputs.get(i);
                InputFile in = primed ? primed(staging, m.path(), ref, out) : null;
                RunReport.Pair skipped = in == null || in.problem() != null ? null
                        : upToDate(staging, m.path(), modelSha256, ref, in, out);
                if (skipped != null) {
                    results.set(i, Wire.write(skipped));
                } else {
                    InputFile local = in != null && in.problem() != null ? in : local(staging, ref);
                    batch.put(i, local);
                    bytes += ref.file().remote() ? LocalFiles.size(local.path()) : 0;
                }
                if (!batch.isEmpty() && (bytes >= BATCH_BYTES || i == inputs.size() - 1)) {
                    String e = render(staging, m.path(), batch, out, results);
                    engine = e.equals("none") ? engine : e;
                    batch.values().forEach(f -> staging.delete(f.path()));
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
            return named(staging, in, in.problem());
        }
        Staging.Copy c = staging.copy(in.file());
        return new InputFile(c.path(), Path.of(in.relative()), c.problem(), in.file().path());
    }

    /** A remote input not copied (yet): where its copy would be, and its name as given. */
    private static InputFile named(Staging staging, InputRef in, String problem) {
        return new InputFile(staging.placeholder(in.file()), Path.of(in.relative()), problem, in.file().path());
    }

    /** Renders one batch (by place in the task), setting its pairs in {@code results}; the engine's description. */
    private String render(Staging staging, Path model, Map<Integer, InputFile> batch, Path out, List<String> results) {
        RunReport report = new RunReport(Version.get(), List.of(), options);
        new BatchRenderer(options, progress, report).run(List.of(model), List.copyOf(batch.values()),
                Destination.folder(out));
        Iterator<Integer> places = batch.keySet().iterator();
        for (RunReport.Pair p : report.pairs()) { // one per input, in their order
            RunReport.Pair done = outDir.remote() ? published(staging, p) : p;
            results.set(places.next(), Wire.write(shown(staging, done)));
        }
        return report.engine();
    }

    /**
     * The input (a local one as it is, a remote one not copied yet), its remote output's head (if
     * any) copied where the renderer will look for it; or the input failing when that output
     * cannot be read.
     */
    private InputFile primed(Staging staging, Path model, InputRef ref, Path out) {
        InputFile in = ref.file().remote() ? named(staging, ref, ref.problem()) : ref.local();
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

    /**
     * The pair skipped, when the output's record (its head, primed) says it is up to date with a
     * remote input as it is now, compared without copying the input; else null (the input is to
     * be copied and given to the renderer, which decides).
     */
    private RunReport.Pair upToDate(Staging staging, Path model, String modelSha256, InputRef ref, InputFile in,
                                    Path out) {
        if (!ref.file().remote() || modelSha256 == null) {
            return null;
        }
        try {
            Path local = OutputPaths.output(out, OutputPaths.modelName(model), in);
            FileStatus s = Files.exists(local) ? files.status(ref.file().path()) : null;
            if (s == null || !s.isFile() || !OutputRecord.upToDate(local, Version.get(), modelSha256, options,
                    s.getLen(), FileTime.fromMillis(s.getModificationTime()))) {
                return null;
            }
            staging.delete(local);
            return shown(staging, new RunReport.Pair(in.name(), model.toString(), local.toString(), Status.SKIPPED,
                    null, null, null, null, null, null, null, null, null, null));
        } catch (IOException | RuntimeException e) {
            return null; // the renderer, given the copy, says why
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
            sweep(staging.shown(local.getParent().toString()));
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

    /** The first time this task writes into a remote folder, removes what killed runs left there. */
    private void sweep(String folder) throws IOException {
        if (swept.add(folder)) {
            int removed = files.sweepPartials(folder);
            if (removed > 0) {
                progress.notice("removed " + removed + (removed == 1 ? " file" : " files") + " left in " + folder
                        + " by a namcl run that was killed (temporary files)");
            }
        }
    }

    /** The pair as the user named its files. */
    private static RunReport.Pair shown(Staging s, RunReport.Pair p) {
        return new RunReport.Pair(p.input(), s.shown(p.model()), s.shown(p.output()), p.status(),
                s.shown(p.reason()), p.frames(), p.channels(), p.sampleRate(), p.seconds(), p.wallSeconds(),
                p.engine(), p.clippedSamples(), p.levels(), s.shown(p.error()));
    }
}
