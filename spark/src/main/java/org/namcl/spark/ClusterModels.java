package org.namcl.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.namcl.render.ModelCollector;
import picocli.CommandLine.Option;

/**
 * The models of a cluster job, named as {@code namcl render} and {@code eval} name them (a picocli
 * mixin); strings rather than paths, as they may be {@code file://} URIs.
 */
final class ClusterModels {
    @Option(names = {"-m", "--model"}, paramLabel = "MODEL.nam|FOLDER",
            description = "A .nam model or a folder of them (as for 'namcl render' and 'namcl eval'); repeatable.")
    private List<String> models = new ArrayList<>();

    @Option(names = "--models-from", paramLabel = "LIST",
            description = "A text file listing models, one per line (as for 'namcl render' and 'namcl eval').")
    private List<String> lists = new ArrayList<>();

    /** The model files named, as {@link ModelCollector} finds them; IllegalArgumentException names a bad one. */
    List<Path> collect(ClusterPaths paths) {
        return ModelCollector.collect(models.stream().map(paths::local).toList(),
                lists.stream().map(paths::local).toList());
    }
}
