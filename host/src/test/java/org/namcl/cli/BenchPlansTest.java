package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.namcl.opencl.OpenClTestSupport;

/** bench's OpenCL plans table and host pipeline lines, on the OpenCL device. */
class BenchPlansTest {
    @BeforeAll
    static void device() {
        OpenClTestSupport.requireDevice();
    }

    @Test
    void benchShowsBothPlansTheHostSideAndRenderEndToEnd() {
        Cli.Result r = Cli.run("bench", "--seconds", "0.2", "--threads", 1, "--models", "standard", "--tile", 64,
                "--fuse-layers", 3);
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("B/sample"), r::toString);
        assertTrue(r.out().contains("OpenCL plans on "), r::toString);
        // the fused plan's tile capped at 64 (the plan the device chooses follows the slash)
        assertTrue(r.out().matches("(?s).*\\| fused \\d+/20 layers in \\d+ launches, tile <= 64 / .*"), r::toString);
        assertTrue(r.out().contains("samples/s per core"), r::toString);
        assertTrue(r.out().contains("end to end (render) on opencl, standard:"), r::toString);
    }

    @Test
    void plansOnlyLeavesTheRestOut() {
        Cli.Result r = Cli.run("bench", "--plans-only", "--seconds", "0.1", "--models", "nano");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("OpenCL plans on "), r::toString);
        assertFalse(r.out().contains("Host pipeline"), r::toString);
    }
}
