package org.namcl.render;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where outputs go: {@code OUTDIR/<model name>/<input path relative to its root, as .wav>}, always
 * inside OUTDIR. Names become path parts only once made safe: path separators and control
 * characters are replaced by {@code _}, and a part that is empty or only dots ({@code ..} leads
 * out of the folder) is refused.
 */
public final class OutputPaths {
    private OutputPaths() {
    }

    /**
     * A model's name: its file name without the {@code .nam} extension, made safe as a folder name.
     *
     * @param model the model file
     * @return its name
     */
    public static String modelName(Path model) {
        String name = String.valueOf(model.getFileName());
        return safe(name.toLowerCase(Locale.ROOT).endsWith(".nam") && name.length() > 4
                ? name.substring(0, name.length() - 4) : name);
    }

    /**
     * An input's path under a model's folder: its relative path, made safe, with the extension made {@code .wav}.
     *
     * @param relative the input's path relative to the folder given
     * @return the output's path relative to the model's folder
     */
    public static Path relativeOutput(Path relative) {
        Path out = null;
        int last = relative.getNameCount() - 1;
        for (int i = 0; i <= last; i++) {
            String part = safe(relative.getName(i).toString());
            if (i == last) {
                int dot = part.lastIndexOf('.');
                part = (dot > 0 ? part.substring(0, dot) : part) + ".wav";
            }
            out = out == null ? Path.of(part) : out.resolve(part);
        }
        return out;
    }

    /**
     * The output of {@code input} through the model named {@code modelName}.
     *
     * @param outDir the output folder
     * @param modelName the model's name
     * @param input the input
     * @return {@code outDir/<model name>/<relative output>}
     * @throws RenderException when a name gives no safe path part
     */
    public static Path output(Path outDir, String modelName, InputFile input) {
        checkFolderName(modelName);
        Path relative = relativeOutput(input.relative());
        for (Path part : relative) {
            if (unusable(part.toString())) {
                throw new RenderException("its path " + input.relative() + " gives no safe output name (a part is "
                        + "empty or only dots); give the file or its folder directly");
            }
        }
        Path output = outDir.resolve(modelName).resolve(relative);
        if (!output.normalize().startsWith(outDir.normalize())) {
            throw new RenderException("its output " + output + " would be outside the output folder " + outDir);
        }
        return output;
    }

    /**
     * Refuses a model name that cannot be a folder of its own under OUTDIR.
     *
     * @throws RenderException saying why
     */
    static void checkFolderName(String modelName) {
        if (!usableFolderName(modelName)) {
            throw new RenderException("the model's name \"" + modelName + "\" cannot be a folder name (it is empty or "
                    + "only dots); rename the file");
        }
    }

    /** Whether a model's name can be its folder's: not empty, not only dots. */
    static boolean usableFolderName(String modelName) {
        return !unusable(modelName);
    }

    private static boolean unusable(String part) {
        return part.chars().allMatch(c -> c == '.');
    }

    /** Separators and control characters as {@code _}. */
    private static String safe(String name) {
        StringBuilder b = new StringBuilder(name.length());
        name.codePoints().forEach(c -> b.appendCodePoint(c == '/' || c == '\\' || Character.isISOControl(c) ? '_' : c));
        return b.toString();
    }
}
