package org.namcl.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.namcl.render.Problems;

/**
 * The reports the driver writes ({@code --report}, {@code --csv}, {@code --html}): a local file is
 * written in place, as {@code namcl render} and {@code eval} write it; a remote one is written to a
 * local temporary first and then put in place whole ({@link RemoteFiles#publish}), so a reader
 * never sees half a report.
 */
final class DriverFiles {
    private DriverFiles() {
    }

    /** Writes a file to a local path it is given. */
    interface Writer {
        void write(Path file) throws IOException;
    }

    /**
     * Writes {@code file} (nothing when null) through {@code writer}.
     *
     * @throws IOException naming the file as given when it cannot be written
     */
    static void write(RemoteFiles files, FileRef file, Writer writer) throws IOException {
        if (file == null) {
            return;
        }
        if (!file.remote()) {
            writer.write(file.localPath());
            return;
        }
        Path temp = Files.createTempFile("namcl-report-", "-" + file.fileName());
        try {
            try {
                writer.write(temp);
            } catch (IOException e) {
                throw new IOException(Problems.describe(e).replace(temp.toString(), file.path()), e);
            }
            try {
                files.publish(temp, file.path());
            } catch (IOException | RuntimeException e) {
                throw new IOException("cannot write " + file.path() + ": " + Problems.describe(e), e);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
