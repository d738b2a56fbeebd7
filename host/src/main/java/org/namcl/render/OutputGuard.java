package org.namcl.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps a run from writing over its own inputs, checked before anything renders and by real
 * paths (links followed), so no folder link or relative path gets around it: an input inside a
 * model's folder of the output tree (where this run writes) is refused, and so is any output
 * that is one of the inputs.
 */
final class OutputGuard {
    private final Set<Path> inputs = new HashSet<>();

    private OutputGuard() {
    }

    /** What {@link #check} decided: the inputs (those refused now carry their problem) and the guard. */
    record Checked(List<InputFile> inputs, OutputGuard guard) {
    }

    /** Refuses the inputs inside the folders of {@code outDir} that {@code models} write into. */
    static Checked check(List<Path> models, List<InputFile> inputs, Path outDir) {
        OutputGuard guard = new OutputGuard();
        Path out = FileSearch.identity(outDir);
        List<InputFile> checked = new ArrayList<>(inputs.size());
        for (InputFile in : inputs) {
            if (in.problem() != null) {
                checked.add(in);
                continue;
            }
            Path real = FileSearch.identity(in.path());
            guard.inputs.add(real);
            Path folder = real.startsWith(out) ? writtenFolder(models, out, real) : null;
            checked.add(folder == null ? in : new InputFile(in.path(), in.relative(), "is inside " + folder
                    + ", which this run writes outputs into; render it into another output folder"));
        }
        return new Checked(checked, guard);
    }

    /** The model folder of {@code out} that holds {@code input}, or null. */
    private static Path writtenFolder(List<Path> models, Path out, Path input) {
        for (Path m : models) {
            Path folder = out.resolve(OutputPaths.modelName(m));
            if (input.startsWith(folder)) {
                return folder;
            }
        }
        return null;
    }

    /** Whether {@code output}, once its folders are followed to where they lead, is one of the inputs. */
    boolean isInput(Path output) {
        Path existing = output.toAbsolutePath().normalize();
        Path rest = Path.of("");
        while (existing.getParent() != null && !Files.exists(existing)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        return inputs.contains(FileSearch.identity(existing).resolve(rest));
    }
}
