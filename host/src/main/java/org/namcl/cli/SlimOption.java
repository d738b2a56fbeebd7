package org.namcl.cli;

import picocli.CommandLine.Option;

/** {@code --slim}, as every command that loads models takes it (a picocli mixin). */
final class SlimOption {
    @Option(names = "--slim", paramLabel = "SIZE",
            description = "Size in [0, 1] for slimmable models and containers (0 = smallest). Default: the full "
                    + "model.")
    Double slim;
}
