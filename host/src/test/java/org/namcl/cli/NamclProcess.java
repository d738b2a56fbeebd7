package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * namcl run as a child process on the test's class path, for what only a real process shows:
 * signals, kill -9, two runs at once.
 */
final class NamclProcess {
    private NamclProcess() {
    }

    /** Starts {@code namcl ARGS}, its stdout and stderr going to {@code log}. */
    static Process start(Path log, Object... args) throws IOException {
        return start(Main.class, log, args);
    }

    /** Starts {@code main} (namcl's, or a test's around it) with {@code args}, its output going to {@code log}. */
    static Process start(Class<?> main, Path log, Object... args) throws IOException {
        return builder(main, null, args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** {@code main} with {@code args} in a JVM of its own, its temporary folder {@code tmp} (null: the default). */
    static ProcessBuilder builder(Class<?> main, Path tmp, Object... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path")));
        if (tmp != null) {
            command.add("-Djava.io.tmpdir=" + tmp);
        }
        command.add(main.getName());
        for (Object a : args) {
            command.add(String.valueOf(a));
        }
        return new ProcessBuilder(command);
    }


    /** Waits until a file whose name {@code wanted} accepts appears under {@code root}; fails if {@code p} ends. */
    static void awaitFile(Path root, Predicate<String> wanted, Process p, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!names(root).stream().filter(wanted).toList().isEmpty()) {
                return;
            }
            if (!p.isAlive()) {
                fail("namcl ended before the file appeared:\n" + read(log));
            }
            Thread.sleep(5);
        }
        p.destroyForcibly();
        fail("no such file appeared in 120 s:\n" + read(log));
    }

    /** Waits for {@code p} to end; its exit code. */
    static int await(Process p, Path log) throws InterruptedException {
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("namcl did not end in 300 s:\n" + read(log));
        }
        return p.exitValue();
    }

    /** The names of the files under {@code root}, relative, with / separators (none when it is not there). */
    static List<String> names(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // a file went away while listing: look again
        }
    }

    /** Hidden files under {@code root}: temporaries and claims. */
    static List<String> hidden(Path root) {
        return names(root).stream().filter(n -> n.substring(n.lastIndexOf('/') + 1).startsWith(".")).toList();
    }

    static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
