package org.namcl.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.namcl.io.RegularFiles;

/**
 * Expands the inputs of a batch: files as given, folders searched recursively for {@code *.wav}
 * (as {@link FileSearch} searches). Skips the output folder inside them so outputs of an earlier
 * run are never taken as inputs, drops duplicates, and refuses two inputs that would write the
 * same output file, inputs that are not regular files (never opened: a FIFO would block) and
 * names the locale cannot map to an output path.
 */
public final class InputCollector {
    private final Path outDir;
    private final List<InputFile> files = new ArrayList<>();
    private final Set<Path> seen = new HashSet<>();
    private final Map<Path, Path> outputs = new HashMap<>();
    private final InputFile stdin;

    private InputCollector(Path outDir, InputFile stdin) {
        this.outDir = outDir == null ? null : outDir.toAbsolutePath().normalize();
        this.stdin = stdin;
    }

    /**
     * The inputs in order: files in command-line order, each folder's files sorted by path. Inputs
     * that cannot be used come back with a {@link InputFile#problem()}.
     *
     * @param inputs files and folders, as given
     * @param outDir the folder outputs go to (skipped among the inputs), or null
     * @return the inputs found
     */
    public static List<InputFile> collect(List<Path> inputs, Path outDir) {
        return collect(inputs, outDir, null);
    }

    /**
     * As {@link #collect(List, Path)}, with {@code stdin} (standard input's copy) where an input
     * is {@value StandardInput#ARGUMENT}.
     *
     * @param inputs files and folders, as given
     * @param outDir the folder outputs go to, or null
     * @param stdin standard input's copy, or null when there is none
     * @return the inputs found
     */
    public static List<InputFile> collect(List<Path> inputs, Path outDir, InputFile stdin) {
        InputCollector c = new InputCollector(outDir, stdin);
        for (Path p : inputs) {
            c.add(p);
        }
        return c.files;
    }

    private void add(Path given) {
        if (stdin != null && StandardInput.ARGUMENT.equals(given.toString())) {
            files.add(stdin);
        } else if (Files.isDirectory(given) && isOutputFolder(given)) {
            files.add(new InputFile(given, given.getFileName(),
                    "is the output folder too; write the outputs elsewhere"));
        } else if (Files.isDirectory(given)) {
            FileSearch.Result found = FileSearch.find(given, ".wav", this::isOutputFolder);
            for (FileSearch.Unlisted u : found.unlisted()) {
                files.add(new InputFile(u.path(), given.relativize(u.path()),
                        "cannot be listed: " + Problems.describe(u.cause())));
            }
            for (Path f : found.files()) {
                accept(f, given.relativize(f));
            }
        } else if (Files.exists(given)) {
            accept(given, given.getFileName());
        } else {
            files.add(new InputFile(given, given.getFileName(), "no such file or folder"));
        }
    }

    private boolean isOutputFolder(Path dir) {
        try {
            return outDir != null && Files.exists(outDir) && Files.isSameFile(dir, outDir);
        } catch (IOException e) {
            return false;
        }
    }

    private void accept(Path file, Path relative) {
        if (!seen.add(FileSearch.identity(file))) {
            return;
        }
        try {
            RegularFiles.attributes(file);
        } catch (IOException e) {
            files.add(new InputFile(file, relative, Problems.reason(e)));
            return;
        }
        Path output;
        try {
            output = OutputPaths.relativeOutput(relative);
        } catch (InvalidPathException e) {
            files.add(new InputFile(file, relative, UnmappableName.problem()));
            return;
        }
        Path earlier = outputs.putIfAbsent(output, file);
        files.add(earlier == null ? InputFile.ok(file, relative) : new InputFile(file, relative,
                "its output name " + output + " is already taken by " + earlier
                        + " (give their folder instead, so outputs keep the folder structure)"));
    }
}
