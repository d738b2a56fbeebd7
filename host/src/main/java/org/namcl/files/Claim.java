package org.namcl.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;

/**
 * The right to make one output, taken before rendering it so that runs sharing an output folder
 * split the work: a claim file {@code .NAME.namcl-claim} beside the output, created exclusively,
 * holding the owner's process id. A claim whose owner is gone (killed) is taken over. The owner
 * deletes it when the output is done or has failed; {@link OwnedFiles} deletes it at shutdown.
 */
public final class Claim implements AutoCloseable {
    static final String SUFFIX = ".namcl-claim";
    private static final int ATTEMPTS = 4;

    private final OwnedFiles files;
    private final Path path;
    private boolean released;

    private Claim(OwnedFiles files, Path path) {
        this.files = files;
        this.path = path;
    }

    /** What a claim attempt found. */
    public sealed interface Attempt permits Taken, Busy {
    }

    /** The output is this process's to make. */
    public record Taken(Claim claim) implements Attempt {
    }

    /** Another running process makes the output ({@code pid} -1 when it could not be read). */
    public record Busy(long pid) implements Attempt {
    }

    /** The claim file of {@code output}. */
    public static Path pathOf(Path output) {
        return output.resolveSibling("." + output.getFileName() + SUFFIX);
    }

    /** Claims {@code output} (an absolute path in an existing folder) for this process. */
    public static Attempt take(Path output) throws IOException {
        return take(OwnedFiles.process(), output);
    }

    static Attempt take(OwnedFiles files, Path output) throws IOException {
        Path path = pathOf(output);
        byte[] me = Long.toString(ProcessOwner.self()).getBytes(StandardCharsets.US_ASCII);
        long holder = -1;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                files.createExclusive(path, me);
                return new Taken(new Claim(files, path));
            } catch (FileAlreadyExistsException e) {
                Holder h = Holder.read(path);
                if (h == null) {
                    continue; // released meanwhile
                }
                if (h.alive()) {
                    return new Busy(h.pid());
                }
                holder = h.pid();
                reap(path, h);
            }
        }
        return new Busy(holder);
    }

    /** Removes the claim file at {@code path} if its owner is gone; whether it was stale. */
    static boolean removeIfStale(Path path) throws IOException {
        Holder h = Holder.read(path);
        if (h == null || h.alive()) {
            return false;
        }
        reap(path, h);
        return true;
    }

    /**
     * Removes a dead owner's claim. Moving it to a name of our own first means that of two runs
     * reaping at once only one gets it; a claim made meanwhile by a live run is put back.
     */
    private static void reap(Path path, Holder dead) throws IOException {
        Path moved = OwnedFiles.temporaryName(path);
        try {
            Files.move(path, moved, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return; // another run reaped it
        }
        try {
            if (!dead.equals(Holder.read(moved))) {
                Files.createLink(path, moved);
            }
        } catch (FileAlreadyExistsException e) {
            // a third run claimed it meanwhile: at worst the output is made twice, each time whole
        } finally {
            Files.deleteIfExists(moved);
        }
    }

    /** Gives the claim up: the output is done, or failed. */
    @Override
    public synchronized void close() throws IOException {
        if (!released) {
            released = true;
            files.delete(path);
        }
    }

    /** Who holds a claim file, as last written. */
    private record Holder(long pid, FileTime modified) {
        /** The holder of the claim at {@code path}, or null when there is none (or it is not one). */
        static Holder read(Path path) throws IOException {
            try {
                FileTime modified = Files.getLastModifiedTime(path);
                String text = Files.readString(path, StandardCharsets.US_ASCII).strip();
                return new Holder(text.isEmpty() ? -1 : Long.parseLong(text), modified);
            } catch (NoSuchFileException e) {
                return null;
            } catch (NumberFormatException e) {
                return new Holder(-1, Files.getLastModifiedTime(path));
            }
        }

        boolean alive() {
            return pid >= 0 && ProcessOwner.alive(pid, modified);
        }
    }
}
