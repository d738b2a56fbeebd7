package org.namcl.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.namcl.render.ModelCollector;
import org.namcl.render.OutputPaths;
import picocli.CommandLine.Option;

/**
 * The models of a cluster job, named as {@code namcl render} and {@code eval} name them (a picocli
 * mixin); strings rather than paths, as they may be URIs. Local models and lists are found by
 * {@link ModelCollector}; remote ones by the same rules through Hadoop: a file as given, a folder
 * searched recursively for {@code *.nam}, a list's relative entries taken from the list's folder.
 */
final class ClusterModels {
    /** A list naming a hundred thousand models is a few megabytes. */
    private static final long MAX_LIST_BYTES = 16L << 20;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL.nam|FOLDER",
            description = "A .nam model or a folder of them (as for 'namcl render' and 'namcl eval'); repeatable.")
    private List<String> models = new ArrayList<>();

    @Option(names = "--models-from", paramLabel = "LIST",
            description = "A text file listing models, one per line (as for 'namcl render' and 'namcl eval').")
    private List<String> lists = new ArrayList<>();

    /** The model files named, each once; IllegalArgumentException names a bad one. */
    List<FileRef> collect(ClusterPaths paths) {
        if (models.stream().allMatch(paths::isLocal) && lists.stream().allMatch(paths::isLocal)) {
            return ModelCollector.collect(models.stream().map(paths::local).toList(),
                    lists.stream().map(paths::local).toList()).stream().map(FileRef::local).toList();
        }
        Set<FileRef> found = new LinkedHashSet<>();
        models.forEach(m -> found.addAll(given(paths, m)));
        for (String list : lists) {
            FileRef ref = paths.ref(list);
            if (!ref.remote()) {
                found.addAll(ModelCollector.collect(List.of(), List.of(ref.localPath())).stream()
                        .map(FileRef::local).toList());
                continue;
            }
            List<String> lines;
            try {
                lines = paths.files().readLines(ref.path(), MAX_LIST_BYTES, "a list of models");
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the model list " + list + ": " + e.getMessage());
            }
            org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(ref.path()).getParent();
            lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(entry -> found.addAll(given(paths, new org.apache.hadoop.fs.Path(folder, entry).toString())));
        }
        return distinctNames(List.copyOf(found));
    }

    /** The models one -m or list entry names. */
    private static List<FileRef> given(ClusterPaths paths, String given) {
        FileRef ref = paths.ref(given);
        if (!ref.remote()) {
            return ModelCollector.collect(List.of(ref.localPath()), List.of()).stream().map(FileRef::local).toList();
        }
        try {
            FileStatus s = paths.files().status(ref.path());
            if (s == null || !s.isDirectory()) {
                return List.of(ref); // one that does not exist fails its pairs when loaded
            }
            List<FileRef> in = paths.files().find(ref.path(), ".nam", null).stream()
                    .map(f -> new FileRef(f.getPath().toString(), true)).toList();
            if (in.isEmpty()) {
                throw new IllegalArgumentException("no .nam files found in " + given + " or its subfolders");
            }
            return in;
        } catch (IOException e) {
            throw new IllegalArgumentException(given + ": cannot be listed: " + e.getMessage());
        }
    }

    /** The models, refused when two would share an output folder. */
    private static List<FileRef> distinctNames(List<FileRef> found) {
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no model given: name one with -m MODEL.nam (or a folder of "
                    + "models) or list them in a file given with --models-from");
        }
        Map<String, FileRef> byName = new HashMap<>();
        for (FileRef m : found) {
            FileRef other = byName.putIfAbsent(OutputPaths.modelName(java.nio.file.Path.of(m.fileName())), m);
            if (other != null) {
                throw new IllegalArgumentException("models " + other.path() + " and " + m.path() + " have the same "
                        + "name, so their outputs would share the folder " + OutputPaths.modelName(
                        java.nio.file.Path.of(m.fileName())) + "; rename one");
            }
        }
        return found;
    }
}
