package org.namcl.spark;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * holds, whose results are read from it, and the driver stores each new result.
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
        ClusterJob.Gathered gathered = ClusterJob.run(spark, tasks, EvalTask::run, err);
        List<EvalResult> results = new ArrayList<>();
        int fromDatabase = 0;
        for (String json : gathered.results().values()) {
            ScoredPair s = Wire.read(json, ScoredPair.class);
            if (s.stored()) {
                results.add(fromDatabase(db, s));
                fromDatabase++;
            } else {
                results.add(db == null ? s.result() : store(db, s, progress));
            }
        }
        if (stored != null) {
            stored.destroy();
        }
        return new Scored(results, gathered.engine(), fromDatabase);
    }

    /** The database's result under the pair's key, naming the files as this run does. */
    private static EvalResult fromDatabase(ResultsDatabase db, ScoredPair s) throws SQLException {
        Optional<EvalResult> found = db.find(s.key());
        EvalResult now = s.result();
        if (found.isEmpty()) {
            throw new SQLException("a row of the results database " + db.file() + " went missing during the run");
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
            String problem = "scored, but cannot be stored in the results database " + db.file() + ": "
                    + e.getMessage();
            progress.error(r.pair() + " (model " + r.modelName() + "): " + problem);
            return new EvalResult(r.model(), r.modelName(), r.modelValidationEsr(), r.modelInfo(), r.pair(),
                    r.input(), r.target(), r.metrics(), r.validationEsr(), problem, r.charts());
        }
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
