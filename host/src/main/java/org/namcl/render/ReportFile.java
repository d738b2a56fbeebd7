package org.namcl.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/** Writes a report (JSON, HTML) atomically: the file is whole or not there. */
public final class ReportFile {
    private ReportFile() {
    }

    /** Writes {@code bytes} to {@code file} through a temporary file renamed into place. */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = target.resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".partial");
        try {
            Files.createDirectories(target.getParent());
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw new IOException("cannot write the report " + file + ": " + Problems.describe(e), e);
        }
    }
}
