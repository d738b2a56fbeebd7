package org.namcl.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.namcl.opencl.DeviceInfo;
import org.namcl.opencl.OpenClDevices;
import org.namcl.opencl.OpenClEngine;
import org.namcl.opencl.OpenClException;
import org.namcl.opencl.OpenClTestSupport;

class EngineSelectorTest {

    @Test
    void cpuIsTheCpuEngineWithItsThreads() {
        try (EngineSelector s = EngineSelector.select(EngineChoice.CPU, null, 3, n -> { })) {
            assertEquals("cpu", s.primary().name());
            assertTrue(s.primary().description().contains("3 threads"), s.primary().description());
            assertNull(s.fallback());
        }
    }

    @Test
    void openClGivesItsHostSideTheThreads() {
        // split between readers and writers: SinkWriterTest
        DeviceInfo device = OpenClTestSupport.requireDevice();
        for (int threads : new int[] {1, 5, 64}) {
            try (EngineSelector s = EngineSelector.select(EngineChoice.OPENCL, String.valueOf(device.index()),
                    threads, n -> { })) {
                assertEquals(threads, ((OpenClEngine) s.primary()).settings().hostThreads());
            }
        }
    }

    @Test
    void openClWithoutAMatchingDeviceFails() {
        assertThrows(OpenClException.class, () -> EngineSelector.select(EngineChoice.OPENCL, "999", 1, n -> { }));
    }

    @Test
    void autoUsesOpenClWithTheCpuStandingByOrSaysWhyNotInOneLine() {
        List<String> notices = new ArrayList<>();
        try (EngineSelector s = EngineSelector.select(EngineChoice.AUTO, null, 2, notices::add)) {
            if (s.primary().name().equals("cpu")) {
                assertEquals(1, notices.size(), notices::toString);
                assertTrue(notices.get(0).contains("; rendering on the CPU"), notices::toString);
                assertTrue(!notices.get(0).contains("\n"), notices::toString);
                assertNull(s.fallback());
            } else {
                assertEquals("cpu", s.fallback().name());
                assertEquals(List.of(), notices);
            }
        }
    }

    @Test
    void autoLeavesACpuOnlyOpenClDriverAloneUnlessTheDeviceIsNamed() {
        DeviceInfo device = OpenClTestSupport.requireDevice();
        List<String> notices = new ArrayList<>();
        try (EngineSelector s = EngineSelector.select(EngineChoice.AUTO, null, 2, notices::add)) {
            boolean cpuOnly = OpenClDevices.list().stream().allMatch(d -> d.type() == DeviceInfo.Type.CPU);
            assertEquals(cpuOnly ? "cpu" : "opencl", s.primary().name(), notices::toString);
        }
        try (EngineSelector s = EngineSelector.select(EngineChoice.AUTO, String.valueOf(device.index()), 2, n -> { })) {
            assertEquals("opencl", s.primary().name());
            assertEquals("cpu", s.fallback().name());
        }
    }
}
