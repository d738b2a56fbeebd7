package org.namcl.spark;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * A file a job names, as it travels to the executors: a local path (as the user gave it), or a
 * qualified URI on a Hadoop file system ({@code hdfs://}, {@code s3a://}...), which a task copies
 * to a local temporary before reading ({@link Staging}).
 */
record FileRef(String path, boolean remote) implements Serializable {

    static FileRef local(Path p) {
        return new FileRef(p.toString(), false);
    }

    /** The local file; only for a file that is not remote. */
    Path localPath() {
        if (remote) {
            throw new IllegalStateException(path + " is not a local file");
        }
        return Path.of(path);
    }

    /** Its last path part. */
    String fileName() {
        return remote ? new org.apache.hadoop.fs.Path(path).getName() : String.valueOf(localPath().getFileName());
    }
}
