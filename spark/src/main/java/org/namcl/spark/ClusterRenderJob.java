package org.namcl.spark;

import java.io.PrintWriter;
import java.util.List;
import org.apache.spark.sql.SparkSession;
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
    static List<String> run(SparkSession spark, ClusterPaths paths, int partitions, boolean quiet,
                            RenderSettings settings, List<FileRef> models, List<InputRef> inputs, FileRef outDir,
                            RunReport report, PrintWriter err) {
        long[] bytes = inputs.stream().mapToLong(f -> f.problem() == null ? paths.size(f.file()) : 0).toArray();
        long[] weights = models.stream().mapToLong(paths::size).toArray();
        boolean local = spark.sparkContext().isLocal();
        List<RenderTask> tasks = WorkSplit.split(weights, bytes, partitions).stream()
                .map(part -> new RenderTask(part, models, inputs, outDir, settings, local, quiet, paths.files()))
                .toList();
        ClusterJob.Gathered gathered = ClusterJob.run(spark, tasks, RenderTask::run, err);
        gathered.results().forEach((seq, json) -> report.add(seq, Wire.read(json, RunReport.Pair.class)));
        report.engine(gathered.engine());
        return List.copyOf(gathered.results().values());
    }
}
