package org.namcl.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** File sizes, the weights of models, inputs and pairs in the split ({@link WorkSplit}). */
final class FileSizes {
    private FileSizes() {
    }

    /** The file's size; 0 when it cannot be read (it fails at once, when its task reads it). */
    static long of(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    static long[] of(List<Path> files) {
        return files.stream().mapToLong(FileSizes::of).toArray();
    }
}
