package org.namcl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** Paths through Hadoop's naming: file:// and plain paths are local files, others remote. */
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
        ClusterPaths paths = new ClusterPaths(conf);

        assertFalse(paths.isLocal("/data/takes"));
        assertEquals(new FileRef("hdfs://namenode:8020/data/takes", true), paths.ref("/data/takes"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> paths.local("/data/takes"));
        assertTrue(e.getMessage().startsWith("/data/takes is on hdfs://, but must be a local file"), e.getMessage());
    }

    @Test
    void otherFileSystemsAreRemoteAndLocalOnesStayAsGiven() {
        assertEquals(new FileRef("hdfs://namenode:8020/takes", true), local.ref("hdfs://namenode:8020/takes"));
        assertEquals(FileRef.local(Path.of("takes/a.wav")), local.ref("takes/a.wav"));
        assertEquals(FileRef.local(Path.of("/data/a.wav")), local.ref("file:///data/a.wav"));
    }
}
