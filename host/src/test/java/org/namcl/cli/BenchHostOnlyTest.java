package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** bench --host-only: needs no device with --device none. */
class BenchHostOnlyTest {
    @Test
    void printsTheHostSideOnOneAndOnNThreadsAndRenderEndToEnd() {
        Cli.Result r = Cli.run("bench", "--host-only", "--seconds", "0.4", "--threads", 4, "--models", "nano",
                "--device", "none");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("Host pipeline: "), r::toString);
        // host threads, then readers + writers (ReadAhead.readersFor, SinkWriter.writersFor)
        assertTrue(r.out().matches("(?s).*\\n\\| 1 \\| 1 \\+ 1 \\| [\\d,]+ \\| \\d+ \\| [\\d,]+ \\| \\d+ \\|\\n\\| 4 \\| 1 \\+ 2 \\| .*"),
                r::toString);
        assertTrue(r.out().contains("end to end (render) on cpu, nano:"), r::toString);
        assertFalse(r.out().contains("OpenCL plans"), r::toString);
    }
}
