package org.namcl.eval;

import java.nio.file.Path;

/**
 * A DI and the target recorded from it.
 *
 * @param name    how the pair is named in tables: the DI's path relative to the folder given, or its file name
 * @param problem why it cannot be scored, found before rendering (no target, ...), or null
 */
public record EvalPair(String name, Path input, Path target, String problem) {
}
