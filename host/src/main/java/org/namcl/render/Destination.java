package org.namcl.render;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where a batch writes: a folder holding one output per (model, input), or, for a single pair, the
 * one file the user named ({@code render -m amp.nam di.wav -o out.wav}).
 */
public sealed interface Destination {

    /**
     * The output of {@code input} through the model named {@code modelName}.
     *
     * @throws RenderException when the names give no safe path
     */
    Path output(String modelName, InputFile input);

    /** The folders of {@code models} this destination writes into (where inputs are refused). */
    List<Path> modelFolders(List<Path> models);

    /** {@code OUTDIR/<model name>/<input path relative to its root, as .wav>} ({@link OutputPaths}). */
    static Destination folder(Path outDir) {
        return new Folder(outDir);
    }

    /** Exactly {@code file}, for a batch of one model and one input. */
    static Destination file(Path file) {
        return new File(file);
    }

    /** Outputs under a folder, one per pair. */
    record Folder(Path outDir) implements Destination {
        public Folder {
            Objects.requireNonNull(outDir, "outDir");
        }

        @Override
        public Path output(String modelName, InputFile input) {
            return OutputPaths.output(outDir, modelName, input);
        }

        @Override
        public List<Path> modelFolders(List<Path> models) {
            return models.stream().map(OutputPaths::modelName).filter(OutputPaths::usableFolderName)
                    .map(outDir::resolve).toList(); // the other models fail when loaded, writing nothing
        }
    }

    /** One named output file; it writes into no model folder. */
    record File(Path file) implements Destination {
        public File {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public Path output(String modelName, InputFile input) {
            OutputPaths.checkFolderName(modelName); // the model's name is refused alike either way
            return file;
        }

        @Override
        public List<Path> modelFolders(List<Path> models) {
            return List.of();
        }
    }
}
