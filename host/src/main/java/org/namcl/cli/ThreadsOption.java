package org.namcl.cli;

import picocli.CommandLine.Option;

/** {@code --threads}, as every command that renders takes it (a picocli mixin). */
final class ThreadsOption {
    @Option(names = "--threads", paramLabel = "N",
            description = "CPU threads: the CPU engine's; with OpenCL, all but two read and decode the inputs "
                    + "(1 to 8 of them; the other two hand work to the device and write); eval's metrics too. "
                    + "Default: one per core (${DEFAULT-VALUE} here).")
    int threads = Runtime.getRuntime().availableProcessors();
}
