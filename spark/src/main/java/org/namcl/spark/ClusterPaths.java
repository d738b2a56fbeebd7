package org.namcl.spark;

import java.net.URI;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * The paths a job is given, read as Hadoop's FileSystem API reads them: a plain path is on the
 * cluster's default file system ({@code fs.defaultFS}), as for every Spark job. Files on the
 * {@code file} scheme, {@code file://} or plain paths on a local default, are read and written
 * directly by namcl's engines and render rules: on a cluster, a folder every executor mounts.
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
        URI uri = new org.apache.hadoop.fs.Path(given).toUri();
        String scheme = uri.getScheme() != null ? uri.getScheme() : FileSystem.getDefaultUri(conf).getScheme();
        if (!"file".equals(scheme)) {
            throw new IllegalArgumentException(given + " is on " + scheme + "://, which namcl cluster does not "
                    + "read or write yet; give file:// or plain local paths (on a cluster, a folder every executor "
                    + "mounts)");
        }
        // a plain path stays as given, so messages and reports name it as the user did
        return uri.getScheme() == null ? Path.of(given) : Path.of(uri.getPath());
    }
}
