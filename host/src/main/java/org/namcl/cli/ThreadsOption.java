package org.namcl.cli;

import picocli.CommandLine.Option;

/** {@code --threads}, as every command that renders takes it (a picocli mixin). */
final class ThreadsOption {
    @Option(names = "--threads", paramLabel = "N",
            description = "CPU threads: the CPU engine's; with OpenCL, one hands work to the device and the rest "
                    + "read and decode the inputs (half, 1 to 8) and encode and write the outputs (the other half, "
                    + "1 to 8; below 3 threads, one of each all the same); eval's metrics too. Default: one per "
                    + "core (${DEFAULT-VALUE} here).")
    int threads = Runtime.getRuntime().availableProcessors();
}
