package org.namcl.spark;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The per-pair table of a job ({@code --results DIR}): {@code DIR/pairs.parquet} and
 * {@code DIR/pairs.json} (Spark's folders of part files, one part each), written through Hadoop's
 * FileSystem API like any Spark output, so DIR may be on any file system the cluster reaches.
 */
final class ResultTables {
    static final String NAME = "pairs";

    private ResultTables() {
    }

    /** Writes {@code rows} (one JSON object each, in the job's order) as Parquet and JSON. */
    static void write(SparkSession spark, List<String> rows, String dir) {
        Dataset<Row> table = spark.read().json(spark.createDataset(rows, Encoders.STRING())).coalesce(1);
        table.write().mode(SaveMode.Overwrite).parquet(dir + "/" + NAME + ".parquet");
        table.write().mode(SaveMode.Overwrite).json(dir + "/" + NAME + ".json");
    }
}
