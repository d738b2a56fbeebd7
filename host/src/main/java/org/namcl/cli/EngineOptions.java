package org.namcl.cli;

import org.namcl.render.EngineChoice;
import picocli.CommandLine.Option;

/** {@code --engine} and {@code --device}, as {@code render} and {@code eval} take them (a picocli mixin). */
final class EngineOptions {
    @Option(names = "--engine", defaultValue = "auto", paramLabel = "auto|cpu|opencl",
            description = "auto: OpenCL when a GPU (or any device named with --device) exists, else the "
                    + "CPU engine with a notice (a CPU-only OpenCL driver such as PoCL is slower than the "
                    + "CPU engine); a file OpenCL fails on is rendered again on the CPU, and so are models "
                    + "OpenCL does not run (LSTM, ConvNet, Linear), with a notice. cpu or opencl: that "
                    + "engine only. Default: ${DEFAULT-VALUE}.")
    EngineChoice engine;

    @Option(names = "--device", paramLabel = "N|NAME",
            description = "OpenCL device: its index or (part of) its name, as 'namcl devices' lists them. "
                    + "Default: the GPU with the most memory.")
    String device;
}
