package org.namcl.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The folder a batch writes into, made ready before anything renders. */
public final class OutputFolder {
    private OutputFolder() {
    }

    /**
     * Creates {@code folder} and its parents if missing, and checks it can be written.
     *
     * @param folder the output folder
     * @return null when it can be written, else why not (one line)
     */
    public static String prepare(Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            return "the output folder " + folder + " is a file";
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            return "cannot create the output folder " + folder + ": " + Problems.describe(e);
        }
        return Files.isWritable(folder) ? null : "the output folder " + folder + " is not writable";
    }
}
