package org.namcl.spark;

import org.namcl.render.EngineChoice;
import picocli.CommandLine.Option;

/** {@code --engine} and {@code --device} of a cluster job (a picocli mixin): a task's device comes from Spark. */
final class ClusterEngine {
    @Option(names = "--engine", defaultValue = "auto", paramLabel = "auto|cpu|opencl",
            description = "As for 'namcl render' and 'namcl eval'. Default: ${DEFAULT-VALUE}.")
    EngineChoice engine;

    @Option(names = "--device", paramLabel = "N|NAME",
            description = "OpenCL device for every task (default: the GPU Spark gives the task, or in local mode "
                    + "the local GPUs round-robin).")
    String device;
}
