package org.namcl.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Removes what a namcl process that was killed (kill -9, a crash, a power cut) left in a folder:
 * its temporary files and its claims. Only files namcl names so ({@link OwnedFiles}, {@link Claim})
 * are touched, and only when the process that made them is gone.
 */
public final class StaleFiles {
    private StaleFiles() {
    }

    /** Removes the stale temporary files and claims directly in {@code folder}; how many. */
    public static int sweep(Path folder) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, ".*")) {
            for (Path p : entries) {
                if (stale(p)) {
                    removed++;
                }
            }
        } catch (NoSuchFileException e) {
            return 0;
        }
        return removed;
    }

    private static boolean stale(Path p) throws IOException {
        String name = p.getFileName().toString();
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (name.endsWith(Claim.SUFFIX)) {
            return Claim.removeIfStale(p);
        }
        long owner = OwnedFiles.temporaryOwner(name);
        try {
            if (owner < 0 || ProcessOwner.alive(owner, Files.getLastModifiedTime(p))) {
                return false;
            }
            return Files.deleteIfExists(p);
        } catch (NoSuchFileException e) {
            return false;
        }
    }
}
