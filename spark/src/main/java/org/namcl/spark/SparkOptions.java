package org.namcl.spark;

import picocli.CommandLine.Option;

/** What a cluster job takes beyond its command's options (a picocli mixin). */
final class SparkOptions {
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[N] (embedded, N task slots), spark://HOST:PORT, yarn, k8s://... "
                    + "Default: spark-submit's, else " + Sessions.DEFAULT_MASTER + ".")
    String master;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Tasks to split the work into (each loads its models once). Default: Spark's default "
                    + "parallelism (the master's task slots).")
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
        return partitions != null ? partitions : sessions.spark().sparkContext().defaultParallelism();
    }
}
