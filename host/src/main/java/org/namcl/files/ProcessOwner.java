package org.namcl.files;

import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the process that made a file still runs. A process id alone is not enough: ids are
 * reused (a container's namcl may get the same small id on every run), so a process that started
 * after the file was last touched cannot be the one that made it.
 */
public final class ProcessOwner {
    /** The start time a platform reports may be rounded (Linux counts it from a boot time in seconds). */
    private static final Duration START_SLACK = Duration.ofSeconds(2);

    private ProcessOwner() {
    }

    /** This process's id. */
    public static long self() {
        return ProcessHandle.current().pid();
    }

    /** Whether process {@code pid} runs and may have last touched the file at {@code modified}. */
    public static boolean alive(long pid, FileTime modified) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        Optional<Instant> started = process.get().info().startInstant();
        return started.isEmpty() || !started.get().isAfter(modified.toInstant().plus(START_SLACK));
    }
}
