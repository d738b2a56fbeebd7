package org.namcl.opencl;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KernelSourceTest {

    @Test
    void loadsFromTheKernelsPackage() {
        assertTrue(KernelSource.load("test_fill").contains("__kernel void fill"));
    }

    @Test
    void missingSourceNamesThePath() {
        OpenClException e = assertThrows(OpenClException.class, () -> KernelSource.load("no_such_kernel"));
        assertTrue(e.getMessage().contains("org/namcl/kernels/no_such_kernel.cl"), e::getMessage);
    }

    @Test
    void loadedSourceBuilds() {
        try (OpenClContext cl = OpenClContext.open(OpenClTestSupport.requireDevice())) {
            assertNotNull(cl.programs().build(KernelSource.load("test_fill")).kernel("fill"));
        }
    }
}
