package org.namcl.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * The paths a job is given, resolved through Hadoop's FileSystem API (so a plain path means the
 * cluster's default file system, as it does for every Spark job). Files on the {@code file} scheme,
 * {@code file://} or plain paths on a local default, are read and written directly by namcl's
 * engines and render rules: on a cluster, a folder every executor mounts at the same path.
 */
final class ClusterPaths {
    private final Configuration conf;

    ClusterPaths(Configuration conf) {
        this.conf = conf;
    }

    /**
     * The local file {@code given} names.
     *
     * @throws IllegalArgumentException (a usage error) for a path on another file system
     */
    Path local(String given) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(given);
        URI uri;
        try {
            FileSystem fs = p.getFileSystem(conf);
            uri = fs.makeQualified(p).toUri();
        } catch (IOException e) {
            throw new UncheckedIOException(given + ": " + e.getMessage(), e);
        }
        if (!"file".equals(uri.getScheme())) {
            throw new IllegalArgumentException(given + " is on " + uri.getScheme() + "://, which namcl cluster "
                    + "does not read or write yet; give file:// or plain local paths (on a cluster, a folder every "
                    + "executor mounts)");
        }
        // a plain path stays as given, so messages and reports name it as the user did
        return p.toUri().getScheme() == null ? Path.of(given) : Paths.get(uri);
    }
}
