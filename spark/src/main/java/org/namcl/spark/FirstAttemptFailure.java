package org.namcl.spark;

import org.apache.spark.TaskContext;

/**
 * A test hook: with the Spark local property {@code spark.namcl.test.failFirstAttempt=true} set
 * on the driver's thread ({@code SparkContext.setLocalProperty}), every task's first attempt does
 * part of its work (the first item of its first unit) and then fails, as an executor lost midway
 * would; Spark runs it again (local mode retries with {@code local[N,maxFailures]}).
 */
final class FirstAttemptFailure {
    static final String PROPERTY = "spark.namcl.test.failFirstAttempt";

    private FirstAttemptFailure() {
    }

    /** Whether this attempt is to fail after its first item. */
    static boolean now() {
        TaskContext task = TaskContext.get();
        return Boolean.parseBoolean(task.getLocalProperty(PROPERTY)) && task.attemptNumber() == 0;
    }

    static RuntimeException failure() {
        return new IllegalStateException("namcl test hook: the first attempt of task "
                + TaskContext.get().partitionId() + " fails after its first item (" + PROPERTY + ")");
    }
}
