package org.namcl.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.namcl.files.Sha256;

/** What a task reads of its local files (copies included) where a failure is told later, by the engine that reads them. */
final class LocalFiles {
    private LocalFiles() {
    }

    /** The file's SHA-256; null when it cannot be read (reading it again fails its pairs, saying why). */
    static String sha256(Path file) {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            return null;
        }
    }

    /** The file's size; 0 when it cannot be read. */
    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
