package org.namcl.spark;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.namcl.eval.EvalResult;
import org.namcl.eval.ResultField;
import org.namcl.eval.ResultsDatabase;
import org.namcl.eval.ScoreKey;
import org.namcl.render.ProgressReporter;

/**
 * An eval job on the driver: splits the (model, pair) scores into tasks ({@link WorkSplit}, pairs
 * weighed by the bytes of DI and target), runs them ({@link EvalTask}) and gathers the results in
 * the job's order (model by model, pair by pair), as {@code namcl eval}'s evaluator returns them.
 * With a results database ({@code --db}), as {@code namcl eval --db}: the tasks skip the keys it
 * holds, whose results are read from it, and the driver stores each new result as its task
 * finishes (each its own transaction), so a run that fails or is stopped keeps what was scored.
 */
final class ClusterEvalJob {
    private ClusterEvalJob() {
    }

    /** The results, the engine that rendered them ("none" if none did), and how many came from the database. */
    record Scored(List<EvalResult> results, String engine, int fromDatabase) {
    }

    static Scored run(SparkSession spark, ClusterPaths paths, int partitions, boolean quiet, EvalSettings settings,
                      List<FileRef> models, List<EvalPairRef> pairs, ResultsDatabase db, ProgressReporter progress,
                      PrintWriter err)
            throws SQLException {
        long[] bytes = pairs.stream().mapToLong(p -> paths.size(p.input()) + paths.size(p.target())).toArray();
        long[] weights = models.stream().mapToLong(paths::size).toArray();
        boolean local = spark.sparkContext().isLocal();
        Broadcast<Set<String>> stored = null;
        if (db != null) {
            Set<String> keys = new HashSet<>();
            db.keys().forEach(k -> keys.add(EvalTask.key(k)));
            stored = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(keys);
        }
        Broadcast<Set<String>> known = stored;
        List<EvalTask> tasks = WorkSplit.split(weights, bytes, partitions).stream()
                .map(part -> new EvalTask(part, models, pairs, settings, local, quiet, paths.files(), known)).toList();
        // each task's results taken (new ones stored, each its own transaction) as the task finishes,
        // so a run that fails or is stopped keeps what was scored
        TreeMap<Long, EvalResult> results = new TreeMap<>();
        int[] fromDatabase = {0};
        ClusterJob.Gathered gathered;
        try {
            gathered = ClusterJob.run(spark, tasks, EvalTask::run, err, out -> {
                for (int k = 0; k < out.seqs().size(); k++) {
                    ScoredPair s = Wire.read(out.results().get(k), ScoredPair.class);
                    EvalResult r = s.stored() ? fromDatabase(db, s, progress)
                            : db == null ? s.result() : store(db, s, progress);
                    if (s.stored() && !r.failed()) { // a stored row that could not be read back fails
                        fromDatabase[0]++;
                    }
                    results.put(out.seqs().get(k), r);
                }
            });
        } finally {
            if (stored != null) {
                stored.destroy();
            }
        }
        return new Scored(List.copyOf(results.values()), gathered.engine(), fromDatabase[0]);
    }

    /**
     * The database's result under the pair's key, naming the files as this run does; the pair
     * failing, said in one line, when its row went missing since the run read the keys.
     */
    static EvalResult fromDatabase(ResultsDatabase db, ScoredPair s, ProgressReporter progress) {
        EvalResult now = s.result();
        Optional<EvalResult> found;
        try {
            found = db.find(s.key());
        } catch (SQLException e) {
            return failed(now, "cannot be read from the results database " + db.file() + ": " + e.getMessage(),
                    progress);
        }
        if (found.isEmpty()) {
            return failed(now, "its row of the results database " + db.file() + " went missing during the run; "
                    + "run again to score it", progress);
        }
        EvalResult r = found.get();
        return new EvalResult(now.model(), now.modelName(), r.modelValidationEsr(), r.modelInfo(), now.pair(),
                now.input(), now.target(), r.metrics(), r.validationEsr(), r.problem(), r.charts());
    }

    /** A new result, stored when it scored; one that cannot be stored fails, as in namcl eval. */
    private static EvalResult store(ResultsDatabase db, ScoredPair s, ProgressReporter progress) {
        EvalResult r = s.result();
        ScoreKey key = s.key();
        if (key == null || r.failed()) {
            return r;
        }
        try {
            db.save(key, r);
            return r;
        } catch (SQLException e) {
            return failed(r, "scored, but cannot be stored in the results database " + db.file() + ": "
                    + e.getMessage(), progress);
        }
    }

    /** The result failing for {@code problem}, said in one line. */
    private static EvalResult failed(EvalResult r, String problem, ProgressReporter progress) {
        progress.error(r.pair() + " (model " + r.modelName() + "): " + problem);
        return new EvalResult(r.model(), r.modelName(), r.modelValidationEsr(), r.modelInfo(), r.pair(),
                r.input(), r.target(), r.metrics(), r.validationEsr(), problem, r.charts());
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
