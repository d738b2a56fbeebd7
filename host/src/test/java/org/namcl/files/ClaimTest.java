package org.namcl.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimTest {
    @TempDir
    Path dir;

    @Test
    void aClaimIsExclusiveUntilGivenUp() throws IOException {
        OwnedFiles files = new OwnedFiles();
        Path output = dir.resolve("a.wav");

        Claim.Taken first = assertInstanceOf(Claim.Taken.class, Claim.take(files, output));
        Claim.Busy second = assertInstanceOf(Claim.Busy.class, Claim.take(files, output));

        assertEquals(ProcessHandle.current().pid(), second.pid());
        assertEquals(Long.toString(ProcessHandle.current().pid()), Files.readString(Claim.pathOf(output)));
        first.claim().close();
        assertEquals(List.of(), list(), "giving it up removes the claim file");
        Claim.Taken again = assertInstanceOf(Claim.Taken.class, Claim.take(files, output));
        again.claim().close();
    }

    @Test
    void theClaimOfAProcessThatIsGoneIsTakenOver() throws Exception {
        OwnedFiles files = new OwnedFiles();
        Path output = dir.resolve("a.wav");
        Files.writeString(Claim.pathOf(output), Long.toString(DeadProcess.pid()));

        Claim.Taken taken = assertInstanceOf(Claim.Taken.class, Claim.take(files, output));

        assertEquals(Long.toString(ProcessHandle.current().pid()), Files.readString(Claim.pathOf(output)));
        taken.claim().close();
        assertEquals(List.of(), list(), "no file of the takeover is left");
    }

    @Test
    void theClaimOfALiveProcessIsLeftAlone() throws IOException {
        Path output = dir.resolve("a.wav");
        Path claim = Files.writeString(Claim.pathOf(output), Long.toString(ProcessHandle.current().pid()));

        assertFalse(Claim.removeIfStale(claim));

        assertTrue(Files.exists(claim));
    }

    private List<Path> list() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
