package org.namcl.spark;

import java.io.PrintWriter;
import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.SparkSession;
import scala.Function0;
import scala.Function1;
import scala.Function2;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;

/**
 * Runs a job's tasks on the executors, one Spark task each, and gathers what they send back: the
 * results in the job's order, and each distinct line the tasks said, printed once (every task
 * starting an engine says the same notice). Each task's output is handed on as it arrives, on the
 * calling thread, so what finished is kept even when the job fails or is stopped later.
 */
final class ClusterJob {
    private ClusterJob() {
    }

    /** The results (JSON) by place in the job, and the engine that ran them ("none" if none did). */
    record Gathered(TreeMap<Long, String> results, String engine) {
    }

    static <T> Gathered run(SparkSession spark, List<T> tasks, Function<T, TaskOutput> work, PrintWriter err) {
        return run(spark, tasks, work, err, out -> { });
    }

    /**
     * The job's results, each task's output given to {@code arrived} as soon as the driver has it.
     *
     * @throws IllegalStateException (Spark's exception its cause) when the job fails, after every
     *         output that arrived before was given to {@code arrived}
     */
    static <T> Gathered run(SparkSession spark, List<T> tasks, Function<T, TaskOutput> work, PrintWriter err,
                            Consumer<TaskOutput> arrived) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int n = Math.max(1, tasks.size());
        JavaRDD<TaskOutput> rdd = sc.parallelize(tasks, n).map(work);
        BlockingQueue<TaskOutput> done = new LinkedBlockingQueue<>();
        Function1<Iterator<TaskOutput>, TaskOutput> only = (Function1<Iterator<TaskOutput>, TaskOutput> & Serializable)
                Iterator::next; // a partition holds one task
        Function2<Object, TaskOutput, BoxedUnit> handler = (partition, out) -> { // on Spark's scheduler thread
            done.add(out);
            return BoxedUnit.UNIT;
        };
        Function0<BoxedUnit> none = () -> BoxedUnit.UNIT;
        SimpleFutureAction<BoxedUnit> job = sc.sc().submitJob(rdd.rdd(), only,
                CollectionConverters.asScala(IntStream.range(0, n).<Object>mapToObj(i -> i).toList()).toSeq(),
                handler, none);
        Set<String> said = new LinkedHashSet<>();
        TreeMap<Long, String> results = new TreeMap<>();
        String[] engine = {"none"};
        Consumer<TaskOutput> gather = out -> {
            said.addAll(out.messages());
            for (int k = 0; k < out.seqs().size(); k++) {
                results.put(out.seqs().get(k), out.results().get(k));
            }
            if (!out.engine().equals("none")) {
                engine[0] = out.engine();
            }
            arrived.accept(out);
        };
        try {
            while (!job.isCompleted()) {
                TaskOutput out = done.poll(200, TimeUnit.MILLISECONDS);
                if (out != null) {
                    gather.accept(out);
                }
            }
        } catch (InterruptedException e) {
            job.cancel();
            Thread.currentThread().interrupt();
        } finally {
            for (TaskOutput out = done.poll(); out != null; out = done.poll()) { // arrived before the job ended
                gather.accept(out);
            }
            said.forEach(err::println);
            err.flush();
        }
        try {
            job.get();
        } catch (SparkException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return new Gathered(results, engine[0]);
    }
}
