package org.namcl.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps a run from writing over its own inputs, by real paths (links followed), so no folder
 * link or relative path gets around it. Before anything renders, an input inside the folder of
 * one of the run's models under OUTDIR (where this run writes), or where such a folder leads, is
 * refused; and as each pair comes up, an output that is one of the inputs (through a link
 * deeper down) is refused too.
 */
final class OutputGuard {
    private final Set<Path> inputs = new HashSet<>();

    private OutputGuard() {
    }

    /** What {@link #check} decided: the inputs (those refused now carry their problem) and the guard. */
    record Checked(List<InputFile> inputs, OutputGuard guard) {
    }

    /** Refuses the inputs inside {@code modelFolders}, the folders this run writes outputs into. */
    static Checked check(List<Path> modelFolders, List<InputFile> inputs) {
        OutputGuard guard = new OutputGuard();
        Map<Path, Path> written = new HashMap<>(); // real folder -> as the user would name it
        for (Path folder : modelFolders) {
            written.put(Files.exists(folder) ? FileSearch.identity(folder)
                    : FileSearch.identity(folder.getParent()).resolve(folder.getFileName()), folder);
        }
        List<InputFile> checked = new ArrayList<>(inputs.size());
        for (InputFile in : inputs) {
            if (in.problem() != null || in.stream() != null) {
                checked.add(in);
                continue;
            }
            Path real = FileSearch.identity(in.path());
            guard.inputs.add(real);
            Path folder = null;
            for (Path p = real.getParent(); p != null && folder == null; p = p.getParent()) {
                folder = written.get(p);
            }
            checked.add(folder == null ? in : in.failing("is inside " + folder
                    + ", which this run writes outputs into; render it into another output folder"));
        }
        return new Checked(checked, guard);
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
