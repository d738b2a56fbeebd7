package org.namcl.spark;

import picocli.CommandLine.Option;

/** What a cluster job takes beyond its command's options (a picocli mixin). */
final class SparkOptions {
    /** Tasks per slot by default: a slot whose task ends early takes another, so slots finish together. */
    static final int TASKS_PER_SLOT = 3;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[N] (embedded, N task slots), spark://HOST:PORT, yarn, k8s://... "
                    + "Default: spark-submit's, else " + Sessions.DEFAULT_MASTER + ".")
    String master;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Tasks to split the work into (each loads its models once). Default: "
                    + SparkOptions.TASKS_PER_SLOT + " per task slot (Spark's default parallelism).")
    Integer partitions;

    @Option(names = "--results", paramLabel = "DIR",
            description = "Also write the per-pair table to DIR/pairs.parquet and DIR/pairs.json (any Hadoop "
                    + "file system: file://, hdfs://, ...).")
    String results;

    /** The partitions to aim for in {@code sessions}' Spark. */
    int partitions(Sessions sessions) {
        if (partitions != null && partitions < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1, got " + partitions);
        }
        return partitions != null ? partitions : TASKS_PER_SLOT * sessions.spark().sparkContext().defaultParallelism();
    }
}
