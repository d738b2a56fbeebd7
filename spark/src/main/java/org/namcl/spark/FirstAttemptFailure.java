package org.namcl.spark;

import org.apache.spark.TaskContext;
import org.apache.spark.sql.SparkSession;

/**
 * A test hook: with {@code spark.namcl.test.failFirstAttempt=true} every task's first attempt does
 * part of its work (the first item of its first unit) and then fails, as an executor lost midway
 * would; Spark runs it again (local mode retries with {@code local[N,maxFailures]}).
 */
final class FirstAttemptFailure {
    static final String CONF = "spark.namcl.test.failFirstAttempt";

    private FirstAttemptFailure() {
    }

    /** Whether the session's runtime configuration turns the hook on. */
    static boolean enabled(SparkSession spark) {
        return Boolean.parseBoolean(spark.conf().get(CONF, "false"));
    }

    /** Whether this attempt is to fail after its first item. */
    static boolean now(boolean enabled) {
        return enabled && TaskContext.get().attemptNumber() == 0;
    }

    static RuntimeException failure() {
        return new IllegalStateException("namcl test hook: the first attempt of task "
                + TaskContext.get().partitionId() + " fails after its first item (" + CONF + ")");
    }
}
