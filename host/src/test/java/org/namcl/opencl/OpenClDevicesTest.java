package org.namcl.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenClDevicesTest {

    private List<DeviceInfo> devices;

    @BeforeEach
    void requireDevice() {
        OpenClTestSupport.requireDevice();
        devices = OpenClDevices.list();
    }

    @Test
    void listedDevicesHaveSaneFields() {
        assertFalse(devices.isEmpty());
        assertTrue(OpenClDevices.unavailableReason().isEmpty());
        for (int i = 0; i < devices.size(); i++) {
            DeviceInfo d = devices.get(i);
            assertEquals(i, d.index());
            assertTrue(d.platformIndex() >= 0 && d.deviceIndex() >= 0, d::summary);
            assertFalse(d.name().isBlank(), d::summary);
            assertFalse(d.platformName().isBlank(), d::summary);
            assertFalse(d.vendor().isBlank(), d::summary);
            assertTrue(d.globalMemBytes() > 0, d::summary);
            assertTrue(d.maxAllocBytes() > 0 && d.maxAllocBytes() <= d.globalMemBytes(), d::summary);
            assertTrue(d.localMemBytes() > 0, d::summary);
            assertTrue(d.computeUnits() > 0, d::summary);
            assertTrue(d.maxWorkGroupSize() > 0, d::summary);
            assertTrue(d.deviceVersion().startsWith("OpenCL "), d::summary);
            assertTrue(d.openClCVersion().startsWith("OpenCL C "), d::summary);
            assertFalse(d.driverVersion().isBlank(), d::summary);
        }
    }

    @Test
    void autoPrefersAGpu() {
        DeviceInfo chosen = OpenClDevices.choose("auto");
        boolean hasGpu = devices.stream().anyMatch(d -> d.type() == DeviceInfo.Type.GPU);
        assertEquals(hasGpu, chosen.type() == DeviceInfo.Type.GPU);
        assertEquals(chosen, OpenClDevices.choose(null));
    }

    @Test
    void numberSelectsByIndex() {
        assertEquals(devices.get(0), OpenClDevices.choose("0"));
        assertEquals(devices.get(devices.size() - 1), OpenClDevices.choose(String.valueOf(devices.size() - 1)));
    }

    @Test
    void outOfRangeIndexListsDevices() {
        OpenClException e = assertThrows(OpenClException.class, () -> OpenClDevices.choose(String.valueOf(devices.size())));
        assertTrue(e.getMessage().contains(devices.get(0).summary()), e::getMessage);
    }

    @Test
    void nameSubstringSelectsIgnoringCase() {
        String name = devices.get(0).name();
        String needle = name.substring(name.length() / 4, Math.max(name.length() / 4 + 1, 3 * name.length() / 4))
                .toUpperCase(Locale.ROOT);
        List<DeviceInfo> matching = devices.stream()
                .filter(d -> d.name().toUpperCase(Locale.ROOT).contains(needle))
                .toList();
        if (matching.size() == 1) {
            assertEquals(devices.get(0), OpenClDevices.choose(needle));
        } else {
            OpenClException e = assertThrows(OpenClException.class, () -> OpenClDevices.choose(needle));
            assertTrue(e.getMessage().contains("ambiguous"), e::getMessage);
        }
    }

    @Test
    void unknownNameListsDevices() {
        OpenClException e = assertThrows(OpenClException.class, () -> OpenClDevices.choose("nonexistent"));
        assertTrue(e.getMessage().contains("'nonexistent'"), e::getMessage);
        for (DeviceInfo d : devices) {
            assertTrue(e.getMessage().contains(d.summary()), e::getMessage);
        }
    }
}
