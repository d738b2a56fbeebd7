package org.namcl.cli;

import picocli.CommandLine.Option;

/** {@code --threads}, as every command that renders takes it (a picocli mixin). */
final class ThreadsOption {
    @Option(names = "--threads", paramLabel = "N",
            description = "CPU threads (the CPU engine; eval's metrics too). Default: one per core (${DEFAULT-VALUE} "
                    + "here).")
    int threads = Runtime.getRuntime().availableProcessors();
}
