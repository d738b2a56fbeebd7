package org.namcl.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Files on Hadoop file systems, as the driver lists them and the executors copy them: with the
 * driver's Hadoop configuration (so {@code spark.hadoop.*} settings, such as a connector's
 * credentials, reach the executors too).
 */
final class RemoteFiles implements Serializable {
    /** How far into an output its record is looked for: namcl writes it before the samples. */
    static final int HEAD_BYTES = 64 << 10;

    /** A temporary {@link #publish} writes: {@code .<name>.namcl-spark-<random>.partial}, beside its output. */
    private static final Pattern PARTIAL = Pattern.compile("\\..+\\.namcl-spark-[0-9a-f]{32}\\.partial");

    private final SerializableConfiguration conf;
    /** When the driver made it, before any task of the run started (its clock, in ms since the epoch). */
    private final long runStarted;

    RemoteFiles(Configuration conf) {
        this.conf = new SerializableConfiguration(conf);
        this.runStarted = System.currentTimeMillis();
    }

    private FileSystem fs(org.apache.hadoop.fs.Path p) throws IOException {
        try {
            return p.getFileSystem(conf.value());
        } catch (IllegalArgumentException e) { // Hadoop's wrapping of an unknown host, say: an I/O problem, not a usage one
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IOException("its file system cannot be reached: " + cause, e);
        }
    }

    /** The file's or folder's status; null when there is none. */
    FileStatus status(String uri) throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri);
        FileSystem fs = fs(p);
        return fs.exists(p) ? fs.getFileStatus(p) : null;
    }

    /**
     * The files under {@code folder} whose name ends in {@code extension} in any case, hidden ones
     * skipped and those under {@code skip} (a qualified folder, or null) left out, sorted by path,
     * as namcl searches local folders.
     */
    List<FileStatus> find(String folder, String extension, String skip) throws IOException {
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(folder);
        List<FileStatus> found = new ArrayList<>();
        for (RemoteIterator<LocatedFileStatus> it = fs(root).listFiles(root, true); it.hasNext(); ) {
            LocatedFileStatus f = it.next();
            String name = f.getPath().getName();
            if (f.isFile() && !name.startsWith(".") && name.toLowerCase(Locale.ROOT).endsWith(extension)
                    && (skip == null || !under(skip, f.getPath()))) {
                found.add(f);
            }
        }
        found.sort((a, b) -> a.getPath().compareTo(b.getPath()));
        return found;
    }

    /**
     * The path of {@code file} under {@code folder} (with /), as URIs relativize: right for a folder
     * at a file system's root too, whose name ends in / already ({@code hdfs://nn:8020/}).
     */
    static String relative(String folder, org.apache.hadoop.fs.Path file) {
        return new org.apache.hadoop.fs.Path(folder).toUri().relativize(file.toUri()).getPath();
    }

    /** Whether {@code file} lies under {@code folder}, by the same rule (a folder at a root too). */
    static boolean under(String folder, org.apache.hadoop.fs.Path file) {
        java.net.URI f = file.toUri();
        return !new org.apache.hadoop.fs.Path(folder).toUri().relativize(f).equals(f);
    }

    /** A small text file's lines (lists of models and pairs), refused past {@code maxBytes}. */
    List<String> readLines(String uri, long maxBytes, String what) throws IOException {
        FileStatus s = status(uri);
        if (s == null || !s.isFile()) {
            throw new IOException("no such file");
        }
        if (s.getLen() > maxBytes) {
            throw new IOException("over " + (maxBytes >> 20) + " MiB; is it " + what + "?");
        }
        try (InputStream in = fs(s.getPath()).open(s.getPath())) {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(in.readAllBytes())).toString().lines().toList();
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text", e);
        }
    }

    /**
     * Copies {@code uri} to the local {@code file}, with the remote file's modification time, so
     * the records of outputs made from it (size and time) stay the same from run to run.
     */
    void fetch(String uri, Path file) throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri);
        FileSystem fs = fs(p);
        FileStatus s = fs.getFileStatus(p);
        Files.createDirectories(file.getParent());
        try (InputStream in = fs.open(p)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setLastModifiedTime(file, FileTime.fromMillis(s.getModificationTime()));
    }

    /** The first {@link #HEAD_BYTES} of {@code uri} (fewer when shorter), or null when it does not exist. */
    byte[] head(String uri) throws IOException {
        FileStatus s = status(uri);
        if (s == null) {
            return null;
        }
        try (InputStream in = fs(s.getPath()).open(s.getPath())) {
            return in.readNBytes(HEAD_BYTES);
        }
    }

    /**
     * Puts the local {@code file} at {@code uri} whole or not at all: written to a temporary name
     * beside it, then renamed over it (atomic on HDFS), the temporary removed if anything fails.
     */
    void publish(Path file, String uri) throws IOException {
        org.apache.hadoop.fs.Path to = new org.apache.hadoop.fs.Path(uri);
        FileSystem fs = fs(to);
        org.apache.hadoop.fs.Path temp = new org.apache.hadoop.fs.Path(to.getParent(),
                "." + to.getName() + ".namcl-spark-" + UUID.randomUUID().toString().replace("-", "") + ".partial");
        try {
            try (OutputStream out = fs.create(temp, false)) {
                Files.copy(file, out);
            }
            FileContext.getFileContext(to.toUri(), conf.value()).rename(temp, to, Options.Rename.OVERWRITE);
        } catch (IOException | RuntimeException e) {
            try {
                fs.delete(temp, false);
            } catch (IOException ignored) {
                // the write's own failure is what the user needs to see
            }
            throw e;
        }
    }

    /**
     * Removes from the folder {@code uri} the temporaries of {@link #publish} that are older than
     * this run: an executor killed mid-write left them (a live write of this run is younger; one of
     * an earlier run still writing the same folder would fail, and its pair be reported so).
     *
     * @return how many were removed
     */
    int sweepPartials(String uri) throws IOException {
        org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(uri);
        FileSystem fs = fs(folder);
        if (!fs.exists(folder)) {
            return 0;
        }
        int removed = 0;
        for (FileStatus f : fs.listStatus(folder, p -> PARTIAL.matcher(p.getName()).matches())) {
            if (f.isFile() && f.getModificationTime() < runStarted && fs.delete(f.getPath(), false)) {
                removed++;
            }
        }
        return removed;
    }

    /** Creates the folder {@code uri} and its parents; null when done, else why not (one line). */
    String prepareFolder(String uri) {
        try {
            FileStatus s = status(uri);
            if (s != null && !s.isDirectory()) {
                return "the output folder " + uri + " is a file";
            }
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri);
            fs(p).mkdirs(p);
            return null;
        } catch (IOException e) {
            return "cannot create the output folder " + uri + ": " + e.getMessage();
        }
    }
}
