package org.namcl.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/** Writes a whole file or nothing: into a temporary file beside it, renamed over it when complete. */
public final class AtomicFile {
    private AtomicFile() {
    }

    /**
     * @param what what the file is, for the message ("the report")
     * @throws IOException naming {@code what} and the file
     */
    public static void write(Path file, byte[] bytes, String what) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = target.resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".partial");
        try {
            Files.createDirectories(target.getParent());
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw new IOException("cannot write " + what + " " + file + ": " + Problems.describe(e), e);
        }
    }
}
