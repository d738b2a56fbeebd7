package org.namcl.spark;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a job's tasks on the executors, one Spark task each, and gathers what they send back: the
 * results in the job's order, and each distinct line the tasks said, printed once (every task
 * starting an engine says the same notice).
 */
final class ClusterJob {
    private ClusterJob() {
    }

    /** The results (JSON) by place in the job, and the engine that ran them ("none" if none did). */
    record Gathered(TreeMap<Long, String> results, String engine) {
    }

    static <T> Gathered run(SparkSession spark, List<T> tasks, Function<T, TaskOutput> work, PrintWriter err) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<TaskOutput> outputs = sc.parallelize(tasks, Math.max(1, tasks.size())).map(work).collect();
        Set<String> said = new LinkedHashSet<>();
        TreeMap<Long, String> results = new TreeMap<>();
        String engine = "none";
        for (TaskOutput out : outputs) {
            said.addAll(out.messages());
            for (int k = 0; k < out.seqs().size(); k++) {
                results.put(out.seqs().get(k), out.results().get(k));
            }
            if (!out.engine().equals("none")) {
                engine = out.engine();
            }
        }
        said.forEach(err::println);
        err.flush();
        return new Gathered(results, engine);
    }
}
