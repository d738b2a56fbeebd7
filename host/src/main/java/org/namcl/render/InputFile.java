package org.namcl.render;

import java.nio.file.Path;

/**
 * One input of a batch.
 *
 * @param path     the file, as the user named it (or found under a folder they named)
 * @param relative its path relative to the folder given, or its file name when given directly
 * @param problem  why it cannot be read, found before rendering (no such file, ...), or null
 */
public record InputFile(Path path, Path relative, String problem) {

    static InputFile ok(Path path, Path relative) {
        return new InputFile(path, relative, null);
    }
}
