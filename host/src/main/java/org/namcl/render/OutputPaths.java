package org.namcl.render;

import java.nio.file.Path;
import java.util.Locale;

/** Where outputs go: {@code OUTDIR/<model name>/<input path relative to its root, as .wav>}. */
public final class OutputPaths {
    private OutputPaths() {
    }

    /** A model's name: its file name without the {@code .nam} extension. */
    public static String modelName(Path model) {
        String name = String.valueOf(model.getFileName());
        return name.toLowerCase(Locale.ROOT).endsWith(".nam") && name.length() > 4
                ? name.substring(0, name.length() - 4) : name;
    }

    /** An input's path under a model's folder: its relative path with the extension made {@code .wav}. */
    public static Path relativeOutput(Path relative) {
        String name = String.valueOf(relative.getFileName());
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return relative.resolveSibling(base + ".wav");
    }

    public static Path output(Path outDir, String modelName, InputFile input) {
        return outDir.resolve(modelName).resolve(relativeOutput(input.relative()));
    }
}
