package org.namcl.spark;

import org.apache.spark.TaskContext;

/**
 * Test hooks, set as Spark local properties on the driver's thread
 * ({@code SparkContext.setLocalProperty}): an attempt they pick does part of its work (the first
 * item of its first unit) and then fails, as an executor lost midway would.
 * {@link #FIRST_ATTEMPT}{@code =true}: every task's first attempt fails, and Spark runs it again
 * (local mode retries with {@code local[N,maxFailures]}). {@link #LAST_TASK}{@code =true}: every
 * attempt of the job's last task fails, so the job fails once its retries are spent.
 */
final class InjectedFailure {
    static final String FIRST_ATTEMPT = "spark.namcl.test.failFirstAttempt";
    static final String LAST_TASK = "spark.namcl.test.failLastTask";

    private InjectedFailure() {
    }

    /** Whether this attempt is to fail after its first item. */
    static boolean now() {
        TaskContext task = TaskContext.get();
        return Boolean.parseBoolean(task.getLocalProperty(FIRST_ATTEMPT)) && task.attemptNumber() == 0
                || Boolean.parseBoolean(task.getLocalProperty(LAST_TASK))
                && task.partitionId() == task.numPartitions() - 1;
    }

    static RuntimeException failure() {
        TaskContext task = TaskContext.get();
        return new IllegalStateException("namcl test hook: attempt " + task.attemptNumber() + " of task "
                + task.partitionId() + " fails after its first item");
    }
}
