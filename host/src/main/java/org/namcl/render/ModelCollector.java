package org.namcl.render;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.namcl.io.RegularFiles;

/**
 * The models of a batch, from the paths given and the lists naming them: a file as given, a
 * folder searched recursively for {@code *.nam} (as {@link FileSearch} searches), each file
 * once however it was reached. A path that does not exist is kept: loading it fails its pairs,
 * as for any model that cannot be loaded. What leaves the model set unknown or unusable (an
 * empty folder, an unreadable list, two models whose outputs would share a folder) is an
 * {@link IllegalArgumentException} whose message names the path, so nothing is rendered.
 */
public final class ModelCollector {
    /** A list naming a hundred thousand models is a few megabytes. */
    static final long MAX_LIST_BYTES = 16L << 20;

    private final List<Path> models = new ArrayList<>();
    private final Set<Path> seen = new HashSet<>();
    private final Map<String, Path> byName = new HashMap<>();

    private ModelCollector() {
    }

    /**
     * The models in order: those of {@code given} in its order, then those of each list, a
     * folder's sorted by path.
     *
     * @param given models and folders of models
     * @param lists text files naming a model or folder per line; blank lines and lines starting
     *              with {@code #} are skipped, relative paths are relative to the list's folder
     * @return the models, each once, in the order given
     * @throws IllegalArgumentException when there is no model, or a folder holds none, a list
     *                                  cannot be read or names none, or two models share a name
     */
    public static List<Path> collect(List<Path> given, List<Path> lists) {
        ModelCollector c = new ModelCollector();
        given.forEach(c::add);
        lists.forEach(c::addList);
        if (c.models.isEmpty()) {
            throw new IllegalArgumentException("no model given: name one with -m MODEL.nam (or a folder of "
                    + "models) or list them in a file given with --models-from");
        }
        return List.copyOf(c.models);
    }

    /**
     * Refuses a model among the inputs (files given directly; folders of inputs only yield WAVs):
     * the usual slip is a shell pattern such as {@code -m caps/*.nam}, which gives -m its first
     * match only.
     *
     * @param inputs the inputs, as given
     * @throws IllegalArgumentException naming the first such input and the ways to give models
     */
    public static void refuseModelsAmong(List<Path> inputs) {
        for (Path p : inputs) {
            if (isModelName(String.valueOf(p.getFileName()))) {
                refuseModel(p.toString(), Files.isDirectory(p));
            }
        }
    }

    /**
     * Refuses one input that is a model, as {@link #refuseModelsAmong} does, for an input that is
     * not a local path (a file on another file system, whose caller tells whether it is a folder).
     *
     * @param input  the input as given; a model when its name ends in {@code .nam} in any case
     * @param folder whether it is a folder (searched for inputs, whatever its name)
     * @throws IllegalArgumentException naming the input and the ways to give models, when it is a model
     */
    public static void refuseModel(String input, boolean folder) {
        if (isModelName(input) && !folder) {
            throw new IllegalArgumentException(input + " is a model, not an input: give each model with -m "
                    + "(-m a.nam -m b.nam), or a folder of models (-m caps/), or a list (--models-from list.txt)");
        }
    }

    private static boolean isModelName(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".nam");
    }

    private void add(Path path) {
        if (!Files.isDirectory(path)) {
            accept(path);
            return;
        }
        FileSearch.Result found = FileSearch.find(path, ".nam", dir -> false);
        if (!found.unlisted().isEmpty()) {
            FileSearch.Unlisted u = found.unlisted().get(0);
            throw new IllegalArgumentException(u.path() + ": cannot be listed: " + Problems.describe(u.cause()));
        }
        if (found.files().isEmpty()) {
            throw new IllegalArgumentException("no .nam files found in " + path + " or its subfolders");
        }
        found.files().forEach(this::accept);
    }

    private void addList(Path list) {
        List<String> lines;
        try {
            if (RegularFiles.attributes(list).size() > MAX_LIST_BYTES) {
                throw new IllegalArgumentException("the model list " + list + " is over " + (MAX_LIST_BYTES >> 20)
                        + " MiB; is it a list of models?");
            }
            lines = Files.readAllLines(list);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the model list " + list + " is not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the model list " + list + ": " + Problems.reason(e));
        }
        int entries = 0;
        for (int i = 0; i < lines.size(); i++) {
            String entry = lines.get(i).strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                add(entryPath(list, i + 1, entry));
                entries++;
            }
        }
        if (entries == 0) {
            throw new IllegalArgumentException("the model list " + list + " names no model");
        }
    }

    /** A list's entry as a path, a relative one taken as relative to the list's folder. */
    private static Path entryPath(Path list, int line, String entry) {
        try {
            return list.resolveSibling(entry);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("the model list " + list + ", line " + line + ": not a path: "
                    + e.getReason());
        }
    }

    private void accept(Path model) {
        if (!seen.add(FileSearch.identity(model))) {
            return;
        }
        String name = OutputPaths.modelName(model);
        Path other = byName.putIfAbsent(name, model);
        if (other != null) {
            throw new IllegalArgumentException("models " + other + " and " + model + " have the same name, so "
                    + "their outputs would share the folder " + name + "; rename one");
        }
        models.add(model);
    }
}
