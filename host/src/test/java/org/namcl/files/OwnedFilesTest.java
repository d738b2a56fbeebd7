package org.namcl.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnedFilesTest {
    @TempDir
    Path dir;

    @Test
    void aTemporaryFileIsNamedForItsTargetAndItsOwnerProcess() throws IOException {
        OwnedFiles files = new OwnedFiles();
        Path target = dir.resolve("take.wav");

        OwnedFiles.Temporary t = files.createTemporary(target);

        String name = t.path().getFileName().toString();
        assertTrue(name.startsWith(".take.wav.namcl-" + ProcessHandle.current().pid() + "-"), name);
        assertTrue(name.endsWith(".partial"), name);
        assertEquals(ProcessHandle.current().pid(), OwnedFiles.temporaryOwner(name));
        assertEquals(-1, OwnedFiles.temporaryOwner(".take.wav.1234abcd.partial"), "an older namcl's name");
        assertEquals(-1, OwnedFiles.temporaryOwner("take.wav"));
        files.discard(t);
        assertEquals(List.of(), list());
    }

    @Test
    void stoppingDeletesEveryOpenFileAndRefusesToCreateOrCommitAfter() throws IOException {
        OwnedFiles files = new OwnedFiles();
        Path target = dir.resolve("a.wav");
        OwnedFiles.Temporary open = files.createTemporary(target);
        open.channel().write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        OwnedFiles.Temporary finished = files.createTemporary(dir.resolve("b.wav"));
        finished.channel().close();
        Path claim = dir.resolve(".c.wav.namcl-claim");
        files.createExclusive(claim, new byte[] {'1'});

        assertFalse(files.stopping());
        files.stop(); // what SIGINT or SIGTERM runs

        assertTrue(files.stopping());
        assertEquals(List.of(), list(), "no temporary file and no claim is left");
        IOException commit = assertThrows(IOException.class, () -> files.commit(finished, dir.resolve("b.wav")));
        assertTrue(commit.getMessage().contains("stopping"), commit::getMessage);
        assertThrows(IOException.class, () -> files.createTemporary(target));
        assertThrows(IOException.class, () -> files.createExclusive(claim, new byte[] {'1'}));
        assertEquals(List.of(), list(), "nothing committed or created after the signal");
    }

    @Test
    void aCommitPutsTheFileInPlaceAndItIsNoLongerDeletedAtShutdown() throws IOException {
        OwnedFiles files = new OwnedFiles();
        Path target = dir.resolve("a.wav");
        OwnedFiles.Temporary t = files.createTemporary(target);
        t.channel().write(ByteBuffer.wrap(new byte[] {7}));
        t.channel().close();

        files.commit(t, target);
        files.stop();

        assertEquals(List.of(target), list());
    }

    private List<Path> list() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
