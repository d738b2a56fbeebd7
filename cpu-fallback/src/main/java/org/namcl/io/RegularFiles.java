package org.namcl.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What namcl checks before it opens a file to read it (a WAV file or a model): that it is a
 * regular file, links followed. Opening a FIFO blocks until something writes to it, and a device
 * such as /dev/zero never ends, so such files are refused from their attributes alone.
 */
public final class RegularFiles {
    private RegularFiles() {
    }

    /**
     * The attributes of {@code file}, a regular file.
     *
     * @throws java.nio.file.NoSuchFileException when it does not exist (or is a broken link)
     * @throws FileSystemException whose {@link FileSystemException#getReason() reason} says what
     *     it is instead (a folder, or a pipe, device or socket)
     */
    public static BasicFileAttributes attributes(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        if (a.isDirectory()) {
            throw new FileSystemException(file.toString(), null, "is a folder, not a file");
        }
        if (!a.isRegularFile()) {
            throw new FileSystemException(file.toString(), null,
                    "not a regular file (a pipe, device or socket), so namcl does not read it");
        }
        return a;
    }
}
