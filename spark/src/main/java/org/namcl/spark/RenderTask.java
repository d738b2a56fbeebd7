package org.namcl.spark;

import java.io.Serializable;
import java.nio.file.Path;
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
 * repeated task skips what an earlier attempt finished.
 *
 * @param models    every model of the job, by index
 * @param inputs    every input of the job, by index
 */
record RenderTask(List<WorkSplit.Unit> units, List<String> models, List<InputRef> inputs, String outDir,
                  RenderSettings settings, boolean localMaster, boolean quiet) implements Serializable {

    TaskOutput run() {
        TaskSlot slot = TaskSlot.current(settings.engine(), settings.device(), localMaster);
        RenderOptions options = settings.options(slot.device(), slot.threads());
        return TaskRun.run(units, inputs.size(), quiet, (model, items, progress) -> {
            List<InputFile> files = IntStream.of(items).mapToObj(i -> inputs.get(i).file()).toList();
            RunReport report = new RunReport(Version.get(), List.of(), options);
            new BatchRenderer(options, progress, report)
                    .run(List.of(Path.of(models.get(model))), files, Destination.folder(Path.of(outDir)));
            // one pair per input, in their order
            return new TaskRun.Done(report.pairs().stream().map(Wire::write).toList(), report.engine());
        });
    }
}
