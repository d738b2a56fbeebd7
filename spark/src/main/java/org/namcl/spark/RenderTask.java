package org.namcl.spark;

import java.io.Serializable;
import java.util.List;
import java.util.stream.IntStream;
import org.namcl.cli.Version;
import org.namcl.render.BatchRenderer;
import org.namcl.render.Destination;
import org.namcl.render.InputFile;
import org.namcl.render.RenderOptions;
import org.namcl.render.RunReport;

/**
 * One Spark task of a render job, run on an executor: each of its units is one model's batch
 * through {@link BatchRenderer}, so outputs follow {@code namcl render}'s rules exactly (output
 * tree, formats, temporary file renamed into place, resume records and claims) and a retried or
 * repeated task skips what an earlier attempt finished. A unit with a remote file goes through
 * {@link StagedRender}.
 *
 * @param models    every model of the job, by index
 * @param inputs    every input of the job, by index
 * @param files     how remote files are reached
 */
record RenderTask(List<WorkSplit.Unit> units, List<FileRef> models, List<InputRef> inputs, FileRef outDir,
                  RenderSettings settings, boolean localMaster, boolean quiet, RemoteFiles files)
        implements Serializable {

    TaskOutput run() {
        TaskSlot slot = TaskSlot.current(settings.engine(), settings.device(), localMaster);
        RenderOptions options = settings.options(slot.device(), slot.threads());
        return TaskRun.run(units, inputs.size(), quiet, (model, items, progress) -> {
            List<InputRef> chosen = IntStream.of(items).mapToObj(inputs::get).toList();
            FileRef m = models.get(model);
            if (m.remote() || outDir.remote() || chosen.stream().anyMatch(in -> in.file().remote())) {
                return new StagedRender(files, options, progress, outDir).run(m, chosen);
            }
            List<InputFile> local = chosen.stream().map(InputRef::local).toList();
            RunReport report = new RunReport(Version.get(), List.of(), options);
            new BatchRenderer(options, progress, report)
                    .run(List.of(m.localPath()), local, Destination.folder(outDir.localPath()));
            // one pair per input, in their order
            return new TaskRun.Done(report.pairs().stream().map(Wire::write).toList(), report.engine());
        });
    }
}
