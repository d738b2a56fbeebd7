package org.namcl.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files this process made and has not yet put in place or removed: temporary files and
 * claims. When the JVM shuts down (SIGINT, SIGTERM, the end of {@code main}) every one of them is
 * deleted, and from that moment none is created and no temporary file is committed, whatever the
 * engines' threads are still doing: a signal leaves no temporary file and no claim behind, and no
 * output is completed after it.
 *
 * <p>Temporary files are named {@code .NAME.namcl-PID-RANDOM.partial}, so a later run can tell
 * them apart from anything else and find out whether their owner still runs ({@link StaleFiles}).
 */
public final class OwnedFiles {
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.namcl-(\\d+)-[0-9a-f]+\\.partial");
    private static final int NAME_ATTEMPTS = 16;
    private static final OwnedFiles PROCESS = new OwnedFiles();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(PROCESS::stop, "namcl-cleanup"));
    }

    private final Set<Path> owned = new HashSet<>();
    private boolean stopped;

    OwnedFiles() {
    }

    /** The process's files, deleted at its shutdown. */
    public static OwnedFiles process() {
        return PROCESS;
    }

    /** A temporary file open for writing, to be {@link #commit committed} or {@link #discard discarded}. */
    public record Temporary(Path path, FileChannel channel) {
    }

    /**
     * Creates a new temporary file beside {@code target} (which must be absolute).
     *
     * @throws IOException when the folder cannot hold it, or the process is stopping
     */
    public synchronized Temporary createTemporary(Path target) throws IOException {
        checkRunning(target);
        for (int attempt = 1; ; attempt++) {
            Path temp = temporaryName(target);
            try {
                // CREATE_NEW makes the name ours alone and keeps the platform's default permissions
                FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                owned.add(temp);
                return new Temporary(temp, channel);
            } catch (FileAlreadyExistsException e) {
                if (attempt == NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** A name for a temporary file of this process beside {@code target}. */
    public static Path temporaryName(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".namcl-" + ProcessOwner.self() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".partial");
    }

    /** The process that made the temporary file named {@code fileName}, or -1 if namcl did not name it. */
    static long temporaryOwner(String fileName) {
        Matcher m = TEMPORARY.matcher(fileName);
        if (!m.matches()) {
            return -1;
        }
        try {
            return Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Renames the (closed) temporary file over {@code target}, atomically.
     *
     * @throws IOException when the rename fails, or the process is stopping (the file is gone then)
     */
    public synchronized void commit(Temporary temp, Path target) throws IOException {
        checkRunning(target);
        Files.move(temp.path(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        owned.remove(temp.path());
    }

    /** Deletes a temporary file that will not be committed. */
    public void discard(Temporary temp) throws IOException {
        try {
            temp.channel().close();
        } finally {
            delete(temp.path());
        }
    }

    /**
     * Creates {@code path} holding {@code content}, failing if it exists: a claim this process
     * holds until it {@link #delete deletes} it.
     */
    public synchronized void createExclusive(Path path, byte[] content) throws IOException {
        checkRunning(path);
        // written whole under a name of our own, then linked: no one ever reads it half written
        Path temp = temporaryName(path);
        Files.write(temp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            Files.createLink(path, temp);
        } catch (UnsupportedOperationException e) {
            Files.write(path, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } finally {
            Files.deleteIfExists(temp);
        }
        owned.add(path);
    }

    /** Deletes a file this process made (if it is still there). */
    public synchronized void delete(Path path) throws IOException {
        owned.remove(path);
        Files.deleteIfExists(path);
    }

    /** Whether the process is shutting down (what fails from now on is the signal's doing). */
    public synchronized boolean stopping() {
        return stopped;
    }

    /** What the shutdown hook does: deletes every file still owned; nothing is created or committed after. */
    synchronized void stop() {
        stopped = true;
        for (Path p : owned) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // the next run in this folder removes it: its owner is gone then
            }
        }
        owned.clear();
    }

    private void checkRunning(Path target) throws IOException {
        if (stopped) {
            throw new IOException(target + ": namcl is stopping; not written");
        }
    }
}
