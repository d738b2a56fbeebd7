package org.namcl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.apache.spark.resource.ResourceInformation;
import org.junit.jupiter.api.Test;

/** Which device a task renders on. */
class TaskSlotTest {
    private static final Map<String, ResourceInformation> GPU_3 =
            Map.of("gpu", new ResourceInformation("gpu", new String[] {"3"}));

    @Test
    void theGpuSparkAssignedWins() {
        assertEquals("3", TaskSlot.device(GPU_3, null, false, 0));
        assertEquals("3", TaskSlot.device(GPU_3, "1", true, 5), "over a device named for every task");
    }

    @Test
    void withoutAnAssignedGpuTheNamedDeviceHolds() {
        assertEquals("1", TaskSlot.device(Map.of(), "1", true, 5));
        assertEquals("1", TaskSlot.device(Map.of(), "1", false, 5));
    }

    @Test
    void onAClusterWithoutGpuResourcesTheEngineChooses() {
        assertNull(TaskSlot.device(Map.of(), null, false, 5));
    }
}
