package org.namcl.samples;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's {@code samples/} folder, found from the test's working directory upwards. */
public final class SamplesFolder {
    private SamplesFolder() {
    }

    public static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path samples = dir.resolve("samples");
            if (Files.isRegularFile(samples.resolve("README.md"))) {
                return samples;
            }
        }
        throw new AssertionError("no samples/README.md in " + Path.of("").toAbsolutePath() + " or above");
    }
}
