package org.namcl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** Paths through Hadoop's naming: file:// and plain paths are local files. */
class ClusterPathsTest {
    private final ClusterPaths local = new ClusterPaths(new Configuration());

    @Test
    void fileUrisAndPlainPathsAreLocalFiles() {
        assertEquals(Path.of("/data/takes"), local.local("file:///data/takes"));
        assertEquals(Path.of("/data/takes"), local.local("file:/data/takes"));
        assertEquals(Path.of("takes/a.wav"), local.local("takes/a.wav"), "as given");
    }

    @Test
    void aPlainPathIsOnTheDefaultFileSystem() {
        Configuration conf = new Configuration();
        conf.set("fs.defaultFS", "hdfs://namenode:8020");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ClusterPaths(conf).local("/data/takes"));
        assertTrue(e.getMessage().startsWith("/data/takes is on hdfs://"), e.getMessage());
    }

    @Test
    void otherFileSystemsAreRefusedInOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> local.local("s3a://bucket/takes"));
        assertTrue(e.getMessage().startsWith("s3a://bucket/takes is on s3a://"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }
}
