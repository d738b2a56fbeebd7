package org.namcl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** Paths through Hadoop's naming: file:// and plain paths are local files, others remote. */
class ClusterPathsTest {
    private final ClusterPaths local = new ClusterPaths(new Configuration());

    @Test
    void dashIsRefusedAsAPathForTasksHaveNoStandardStreams() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> local.ref("-"));
        assertTrue(e.getMessage().startsWith("- (standard input or output)"), e.getMessage());
    }

    @Test
    void aFileSystemThatCannotBeReachedIsAnIoProblemSaidInWords() {
        // Hadoop wraps an unknown host in IllegalArgumentException, which the commands take for a usage error
        IOException e = assertThrows(IOException.class,
                () -> new RemoteFiles(new Configuration()).status("hdfs://namcl-no-such-host.invalid:8020/takes"));
        assertTrue(e.getMessage().startsWith("its file system cannot be reached: "), e.getMessage());
    }

    @Test
    void aFileIsUnderAFolderByWholeNamesAtAFileSystemsRootToo() {
        String nn = "hdfs://nn:8020";
        assertTrue(RemoteFiles.under(nn + "/", new org.apache.hadoop.fs.Path(nn + "/out/x.wav")));
        assertTrue(RemoteFiles.under(nn + "/out", new org.apache.hadoop.fs.Path(nn + "/out/x.wav")));
        assertFalse(RemoteFiles.under(nn + "/out", new org.apache.hadoop.fs.Path(nn + "/outside/x.wav")));
        assertFalse(RemoteFiles.under(nn + "/", new org.apache.hadoop.fs.Path("hdfs://other:8020/x.wav")));
    }

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

    @Test
    void localCopiesAreShownAsTheRemoteFilesByWholeFolderNames() {
        try (Staging staging = Staging.open(new RemoteFiles(new Configuration()))) {
            Path three = null;
            for (int i = 0; i < 31; i++) {
                Path f = staging.folder("hdfs://nn:8020/out" + i);
                three = i == 3 ? f : three;
            }
            Path copy = staging.placeholder(new FileRef("hdfs://nn:8020/takes/a.wav", true));
            assertEquals(three.resolveSibling("31").resolve("a.wav"), copy, "the 32nd folder");

            assertEquals("hdfs://nn:8020/takes/a.wav", staging.shown(copy.toString()));
            assertEquals("cannot write hdfs://nn:8020/takes/.a.wav.partial: full",
                    staging.shown("cannot write " + copy.resolveSibling(".a.wav.partial") + ": full"),
                    "a file beside the copy is in the copy's remote folder, not in out3's");
            assertEquals("hdfs://nn:8020/out3/m/a.wav and hdfs://nn:8020/out3",
                    staging.shown(three.resolve("m/a.wav") + " and " + three), "a folder named last, without /");
            assertEquals("nothing of " + three + "1x", staging.shown("nothing of " + three + "1x"),
                    "a name that only starts as a folder's is no path of it");
        }
    }

    @Test
    void aReportThatCannotBeWrittenSaysWhyEvenWithoutAMessage() {
        FileRef remote = new FileRef("hdfs://nn:8020/reports/run.json", true);

        IOException e = assertThrows(IOException.class, () -> DriverFiles.write(
                new RemoteFiles(new Configuration()), remote, f -> {
                    throw new IOException((String) null);
                }));

        assertEquals("IOException", e.getMessage());
    }
}
