package org.namcl.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleFilesTest {
    @TempDir
    Path dir;

    @Test
    void removesTheTemporaryFilesAndClaimsOfProcessesThatAreGoneAndNothingElse() throws Exception {
        long dead = DeadProcess.pid();
        long me = ProcessHandle.current().pid();
        Files.writeString(dir.resolve(".a.wav.namcl-" + dead + "-1f.partial"), "killed mid-render");
        Files.writeString(dir.resolve(".b.wav.namcl-claim"), Long.toString(dead));
        Path mine = Files.writeString(dir.resolve(".c.wav.namcl-" + me + "-2e.partial"), "being written");
        Path myClaim = Files.writeString(dir.resolve(".c.wav.namcl-claim"), Long.toString(me));
        Path older = Files.writeString(dir.resolve(".d.wav.3c.partial"), "an older namcl's: owner unknown");
        Path user = Files.writeString(dir.resolve(".hidden"), "not namcl's");
        Path out = Files.writeString(dir.resolve("e.wav"), "an output");

        assertEquals(2, StaleFiles.sweep(dir));

        assertEquals(List.of(mine, myClaim, older, user, out).stream().sorted().toList(), list());
    }

    @Test
    void aFileOlderThanTheProcessWithItsIdIsStaleThatIdWasReused() throws IOException {
        long me = ProcessHandle.current().pid();
        Path temp = Files.writeString(dir.resolve(".a.wav.namcl-" + me + "-1.partial"), "from an earlier run");
        Path claim = Files.writeString(dir.resolve(".a.wav.namcl-claim"), Long.toString(me));
        FileTime longAgo = FileTime.fromMillis(0);
        Files.setLastModifiedTime(temp, longAgo);
        Files.setLastModifiedTime(claim, longAgo);

        assertEquals(2, StaleFiles.sweep(dir));

        assertEquals(List.of(), list());
    }

    private List<Path> list() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
