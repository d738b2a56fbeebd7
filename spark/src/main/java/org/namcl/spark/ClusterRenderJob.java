package org.namcl.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.namcl.render.InputFile;
import org.namcl.render.RunReport;

/**
 * A render job on the driver: splits the batch into tasks ({@link WorkSplit}, by the sizes of
 * models and inputs), runs them ({@link RenderTask}) and gathers their pairs into one {@link RunReport}.
 */
final class ClusterRenderJob {
    private ClusterRenderJob() {
    }

    /**
     * Renders every input through every model into {@code outDir}; the results go to {@code report},
     * the tasks' lines to {@code err}.
     *
     * @return the report's pairs as JSON rows, for the results table
     */
    static List<String> run(SparkSession spark, int partitions, boolean quiet, RenderSettings settings,
                            List<Path> models, List<InputFile> inputs, Path outDir, RunReport report, PrintWriter err) {
        long[] bytes = inputs.stream().mapToLong(f -> f.problem() == null ? FileSizes.of(f.path()) : 0).toArray();
        List<String> modelNames = models.stream().map(Path::toString).toList();
        List<InputRef> refs = inputs.stream().map(InputRef::of).toList();
        boolean local = spark.sparkContext().isLocal();
        List<RenderTask> tasks = WorkSplit.split(FileSizes.of(models), bytes, partitions).stream()
                .map(part -> new RenderTask(part, modelNames, refs, outDir.toString(), settings, local, quiet)).toList();
        ClusterJob.Gathered gathered = ClusterJob.run(spark, tasks, RenderTask::run, err);
        gathered.results().forEach((seq, json) -> report.add(seq, Wire.read(json, RunReport.Pair.class)));
        report.engine(gathered.engine());
        return List.copyOf(gathered.results().values());
    }
}
