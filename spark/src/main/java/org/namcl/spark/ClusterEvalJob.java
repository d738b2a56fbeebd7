package org.namcl.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.namcl.eval.EvalPair;
import org.namcl.eval.EvalResult;
import org.namcl.eval.ResultField;

/**
 * An eval job on the driver: splits the (model, pair) scores into tasks ({@link WorkSplit}, pairs
 * weighed by the bytes of DI and target), runs them ({@link EvalTask}) and gathers the results in
 * the job's order (model by model, pair by pair), as {@code namcl eval}'s evaluator returns them.
 */
final class ClusterEvalJob {
    private ClusterEvalJob() {
    }

    /** The results, and the engine that rendered them ("none" if none did). */
    record Scored(List<EvalResult> results, String engine) {
    }

    static Scored run(SparkSession spark, int partitions, boolean quiet, EvalSettings settings, List<Path> models,
                      List<EvalPair> pairs, PrintWriter err) {
        long[] bytes = pairs.stream()
                .mapToLong(p -> FileSizes.of(p.input()) + FileSizes.of(p.target())).toArray();
        List<String> modelNames = models.stream().map(Path::toString).toList();
        List<EvalPairRef> refs = pairs.stream().map(EvalPairRef::of).toList();
        boolean local = spark.sparkContext().isLocal();
        List<EvalTask> tasks = WorkSplit.split(FileSizes.of(models), bytes, partitions).stream()
                .map(part -> new EvalTask(part, modelNames, refs, settings, local, quiet)).toList();
        ClusterJob.Gathered gathered = ClusterJob.run(spark, tasks, EvalTask::run, err);
        List<EvalResult> results = gathered.results().values().stream()
                .map(json -> Wire.read(json, EvalResult.class)).toList();
        return new Scored(results, gathered.engine());
    }

    /** A result as a row of the per-pair table: the fields every eval report writes. */
    static String row(EvalResult r) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (ResultField f : ResultField.values()) {
            fields.put(f.key(), f.of(r));
        }
        return Wire.write(fields);
    }
}
