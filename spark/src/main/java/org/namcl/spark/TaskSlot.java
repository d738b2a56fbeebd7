package org.namcl.spark;

import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;
import org.namcl.opencl.DeviceInfo;
import org.namcl.opencl.OpenClDevices;
import org.namcl.render.EngineChoice;

/**
 * What a task renders on: the GPU Spark assigned it ({@code spark.task.resource.gpu.amount}, its
 * address from {@link TaskContext#resources()}, which {@code namcl-gpus.sh} lists as namcl's device
 * indexes); in local mode, where Spark assigns no GPUs, the local GPUs taken round-robin by
 * partition; else the device the user named, or none (the engine's own choice). The CPU engine
 * gets the task's {@code spark.task.cpus} threads.
 *
 * @param device the OpenCL device selector, or null
 */
record TaskSlot(String device, int threads) {
    static final String GPU = "gpu";

    static TaskSlot current(EngineChoice engine, String named, boolean localMaster) {
        TaskContext task = TaskContext.get();
        int threads = Math.max(1, task.cpus());
        if (engine == EngineChoice.CPU) {
            return new TaskSlot(named, threads);
        }
        return new TaskSlot(device(task.resourcesJMap(), named, localMaster, task.partitionId()), threads);
    }

    static String device(Map<String, ResourceInformation> resources, String named, boolean localMaster,
                         int partition) {
        ResourceInformation gpu = resources.get(GPU);
        if (gpu != null && gpu.addresses().length > 0) {
            return gpu.addresses()[0];
        }
        if (named != null || !localMaster) {
            return named;
        }
        List<DeviceInfo> gpus = OpenClDevices.list().stream().filter(d -> d.type() == DeviceInfo.Type.GPU).toList();
        return gpus.isEmpty() ? null : Integer.toString(gpus.get(partition % gpus.size()).index());
    }
}
