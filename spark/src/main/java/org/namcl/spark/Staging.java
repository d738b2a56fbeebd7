package org.namcl.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.namcl.render.Problems;

/**
 * A task's local copies of remote files, in a temporary folder of its own removed when closed, so
 * that namcl's engines and render rules read and write local files only; and the names the copies
 * stand for, to say in messages and results what the user gave rather than the copies' paths.
 */
final class Staging implements AutoCloseable {
    private final RemoteFiles files;
    private final Path root;
    /** Local path -> what it stands for; replaced longest first, so no path is taken for its prefix. */
    private final Map<String, String> names = new LinkedHashMap<>();
    private int next;

    private Staging(RemoteFiles files, Path root) {
        this.files = files;
        this.root = root;
    }

    /** A new folder under the JVM's temporary folder (on an executor, Spark's local directory). */
    static Staging open(RemoteFiles files) {
        try {
            return new Staging(files, Files.createTempDirectory("namcl-spark-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder: " + Problems.describe(e), e);
        }
    }

    /** A local file and why it could not be copied there (null when it was). */
    record Copy(Path path, String problem) {
    }

    /**
     * The local file {@code f} is: itself when local, else a copy under its own name (a model's
     * name is its file's); when the copy fails, a path where nothing is, and why.
     */
    Copy copy(FileRef f) {
        if (!f.remote()) {
            return new Copy(f.localPath(), null);
        }
        Path local = root.resolve(Integer.toString(next++)).resolve(f.fileName());
        names.put(local.toString(), f.path());
        try {
            files.fetch(f.path(), local);
            return new Copy(local, null);
        } catch (IOException e) {
            return new Copy(local, "cannot be read: " + Problems.describe(e));
        }
    }

    /** A new local folder standing for the remote folder {@code uri}. */
    Path folder(String uri) {
        Path local = root.resolve(Integer.toString(next++));
        names.put(local.toString(), uri);
        try {
            return Files.createDirectories(local);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder: " + Problems.describe(e), e);
        }
    }

    /** Removes a copy no longer needed (the batch stays within its bound of bytes on disk). */
    void delete(Path copy) {
        if (copy.startsWith(root)) {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException e) {
                // removed with the whole folder at the end
            }
        }
    }

    /** {@code text} with every local copy's path replaced by what it stands for; null stays null. */
    String shown(String text) {
        if (text == null || !text.contains(root.toString())) {
            return text;
        }
        String s = text;
        for (String local : names.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .toList()) {
            s = s.replace(local, names.get(local));
        }
        return s;
    }

    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the temporary folder " + root + ": "
                    + Problems.describe(e), e);
        }
    }
}
