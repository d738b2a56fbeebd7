package org.namcl.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session a command runs in: the one already running in this JVM (tests, notebooks),
 * else a new one on the master given ({@code --master}), else on spark-submit's, else embedded
 * on {@code local[*]}.
 *
 * @param owned whether the command started it (and so stops it)
 */
record Sessions(SparkSession spark, boolean owned) implements AutoCloseable {
    static final String DEFAULT_MASTER = "local[*]";

    static Sessions open(String master, String appName) {
        SparkSession running = SparkSession.getDefaultSession().getOrElse(() -> null);
        if (running != null) {
            return new Sessions(running, false);
        }
        SparkConf conf = new SparkConf(); // spark-submit's settings, from system properties
        SparkSession.Builder b = SparkSession.builder().appName(appName);
        String m = master != null ? master : conf.get("spark.master", DEFAULT_MASTER);
        b.master(m);
        if (m.startsWith("local")) {
            // embedded: no web UI, and no dependence on how the host name resolves
            setIfUnset(b, conf, "spark.ui.enabled", "false");
            setIfUnset(b, conf, "spark.driver.bindAddress", "127.0.0.1");
            setIfUnset(b, conf, "spark.driver.host", "localhost");
        }
        return new Sessions(b.getOrCreate(), true);
    }

    private static void setIfUnset(SparkSession.Builder b, SparkConf conf, String key, String value) {
        if (!conf.contains(key)) {
            b.config(key, value);
        }
    }

    @Override
    public void close() {
        if (owned) {
            spark.stop();
        }
    }
}
