package org.namcl.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.namcl.render.ModelCollector;
import picocli.CommandLine.Option;

/** The models of a run, as {@code render}, {@code eval} and {@code compare} take them (a picocli mixin). */
final class ModelOptions {
    @Option(names = {"-m", "--model"}, paramLabel = "MODEL.nam|FOLDER",
            description = "A .nam model, or a folder searched recursively for .nam files (any case; hidden files "
                    + "skipped). Repeat for several: every input goes through each model, and a model reached "
                    + "twice is used once.")
    private List<Path> models = new ArrayList<>();

    @Option(names = "--models-from", paramLabel = "LIST",
            description = "A text file listing models, a .nam file or a folder of them per line (blank lines and "
                    + "lines starting with # are skipped). Relative paths are taken from the list's own folder, "
                    + "not the current one, so a list kept beside its models works from anywhere. Repeatable; "
                    + "with it, -m is optional.")
    private List<Path> lists = new ArrayList<>();

    /** Whether any model or list was named. */
    boolean given() {
        return !models.isEmpty() || !lists.isEmpty();
    }

    /**
     * The models, each once.
     *
     * @throws IllegalArgumentException for a usage error (a list that cannot be read, a .nam file among {@code inputs})
     */
    List<Path> collect(List<Path> inputs) {
        ModelCollector.refuseModelsAmong(inputs);
        return ModelCollector.collect(models, lists);
    }
}
