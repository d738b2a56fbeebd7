package org.namcl.spark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * The paths a job is given, read as Hadoop's FileSystem API reads them: a plain path is on the
 * cluster's default file system ({@code fs.defaultFS}), as for every Spark job. Files on the
 * {@code file} scheme ({@code file://}, or plain paths on a local default) are read and written
 * directly by namcl's engines and render rules (on a cluster, a folder every executor mounts);
 * files on any other file system the cluster reaches ({@code hdfs://}, {@code s3a://} with its
 * connector...) are remote: listed by the driver, copied and written by the executors
 * ({@link RemoteFiles}, {@link Staging}).
 */
final class ClusterPaths {
    private final Configuration conf;
    private final RemoteFiles files;

    ClusterPaths(Configuration conf) {
        this.conf = conf;
        this.files = new RemoteFiles(conf);
    }

    RemoteFiles files() {
        return files;
    }

    /** Whether {@code given} names a local file (the {@code file} scheme). */
    boolean isLocal(String given) {
        URI uri = new org.apache.hadoop.fs.Path(given).toUri();
        String scheme = uri.getScheme() != null ? uri.getScheme() : FileSystem.getDefaultUri(conf).getScheme();
        return "file".equals(scheme);
    }

    /**
     * The local file {@code given} names.
     *
     * @throws IllegalArgumentException (a usage error) for a path on another file system
     */
    Path local(String given) {
        if (!isLocal(given)) {
            throw new IllegalArgumentException(given + " is on " + scheme(given) + "://, but must be a local file "
                    + "(file:// or a plain path on a local default file system)");
        }
        URI uri = new org.apache.hadoop.fs.Path(given).toUri();
        // a plain path stays as given, so messages and reports name it as the user did
        return uri.getScheme() == null ? Path.of(given) : Path.of(uri.getPath());
    }

    /**
     * {@code given} as a job passes it on: a local path, or a remote file's qualified URI.
     *
     * @throws IllegalArgumentException (a usage error) for {@code -}: tasks on executors have no
     *                                  standard input or output to read or write
     */
    FileRef ref(String given) {
        if ("-".equals(given)) {
            throw new IllegalArgumentException("- (standard input or output) is for namcl render and eval; a cluster "
                    + "job reads and writes files: name a file or folder");
        }
        if (isLocal(given)) {
            return FileRef.local(local(given));
        }
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(given);
        if (p.isAbsolute()) { // qualified without reaching the file system
            return new FileRef(p.makeQualified(FileSystem.getDefaultUri(conf), p).toString(), true);
        }
        try {
            return new FileRef(p.getFileSystem(conf).makeQualified(p).toString(), true);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(given + ": cannot reach its file system: " + e.getMessage());
        }
    }

    /** The file's size, the weight of its work in the split; 0 when it cannot be read (it fails at once, in its task). */
    long size(FileRef f) {
        try {
            if (!f.remote()) {
                return Files.size(f.localPath());
            }
            FileStatus s = files.status(f.path());
            return s == null ? 0 : s.getLen();
        } catch (IOException e) {
            return 0;
        }
    }

    private String scheme(String given) {
        String s = new org.apache.hadoop.fs.Path(given).toUri().getScheme();
        return s != null ? s : FileSystem.getDefaultUri(conf).getScheme();
    }
}
