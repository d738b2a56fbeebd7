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
    /**
     * Local folder -> the remote folder it stands for, both ending in {@code /}, so that no folder is
     * taken for the start of another's name ({@code <root>/3/} is no part of {@code <root>/31/}).
     */
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
        Path local = placeholder(f);
        try {
            files.fetch(f.path(), local);
            return new Copy(local, null);
        } catch (IOException e) {
            return new Copy(local, "cannot be read: " + Problems.describe(e));
        }
    }

    /**
     * Where the remote file {@code f} is copied, in a folder of its own under its own name; nothing
     * is there until it is, and {@link #shown} names it as {@code f}.
     */
    Path placeholder(FileRef f) {
        org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(f.path());
        return stand(root.resolve(Integer.toString(next++)), remote.getParent().toString()).resolve(remote.getName());
    }

    /** A new local folder standing for the remote folder {@code uri}. */
    Path folder(String uri) {
        Path local = stand(root.resolve(Integer.toString(next++)), uri);
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
        String s = text + "/"; // a folder named last, without its /, is replaced too
        for (Map.Entry<String, String> e : names.entrySet()) {
            s = s.replace(e.getKey(), e.getValue());
        }
        return s.substring(0, s.length() - 1);
    }

    /** Records that the local folder stands for the remote one; the local folder. */
    private Path stand(Path local, String uri) {
        names.put(local + "/", uri.endsWith("/") ? uri : uri + "/");
        return local;
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
