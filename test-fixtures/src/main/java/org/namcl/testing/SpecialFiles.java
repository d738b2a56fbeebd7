package org.namcl.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Files that hostile input tests need: named pipes, which block whoever opens them, and huge sparse files. */
public final class SpecialFiles {
    /**
     * How long refusing a hostile file may take, so a test fails instead of hanging where it is not
     * refused: opening a FIFO that nobody writes to takes forever.
     */
    public static final Duration REFUSAL_TIME = Duration.ofSeconds(20);

    private SpecialFiles() {
    }

    /** A named pipe at {@code path} (the test is skipped where mkfifo is missing). */
    public static Path fifo(Path path) throws IOException, InterruptedException {
        Files.createDirectories(path.getParent());
        int code;
        try {
            code = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start().waitFor();
        } catch (IOException e) {
            code = -1;
        }
        assumeTrue(code == 0 && Files.exists(path) && !Files.isRegularFile(path), "no mkfifo here");
        return path;
    }

    /** A file of {@code bytes} zeros that takes no disk space where the file system has sparse files. */
    public static Path sparse(Path path, long bytes) throws IOException {
        Files.createDirectories(path.getParent());
        try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "rw")) {
            f.setLength(bytes);
        }
        return path;
    }
}
