package org.namcl.render;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Expands the inputs of a batch: files as given, folders searched recursively for {@code *.wav}
 * (any case; hidden files such as macOS "._" forks skipped). Skips the output folder inside them so
 * outputs of an earlier run are never taken as inputs, drops duplicates, and refuses two inputs
 * that would write the same output file.
 */
public final class InputCollector {
    private final Path outDir;
    private final List<InputFile> files = new ArrayList<>();
    private final Set<Path> seen = new HashSet<>();
    private final Map<Path, Path> outputs = new HashMap<>();

    private InputCollector(Path outDir) {
        this.outDir = outDir.toAbsolutePath().normalize();
    }

    /**
     * The inputs in order: files in command-line order, each folder's files sorted by path. Inputs
     * that cannot be used come back with a {@link InputFile#problem()}.
     */
    public static List<InputFile> collect(List<Path> inputs, Path outDir) {
        InputCollector c = new InputCollector(outDir);
        for (Path p : inputs) {
            c.add(p);
        }
        return c.files;
    }

    private void add(Path given) {
        if (Files.isDirectory(given) && isOutputFolder(given)) {
            files.add(new InputFile(given, given.getFileName(),
                    "is the output folder too; write the outputs elsewhere"));
        } else if (Files.isDirectory(given)) {
            List<Path> found = new ArrayList<>();
            walk(given, found);
            found.sort(null);
            for (Path f : found) {
                accept(f, given.relativize(f));
            }
        } else if (Files.exists(given)) {
            accept(given, given.getFileName());
        } else {
            files.add(new InputFile(given, given.getFileName(), "no such file or folder"));
        }
    }

    private void walk(Path root, List<Path> found) {
        try {
            // links are followed (a linked folder of takes is searched); a loop is reported
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new WavFinder(root, found));
        } catch (IOException e) {
            files.add(new InputFile(root, root.getFileName(), "cannot be listed: " + Problems.describe(e)));
        }
    }

    /** Collects the WAV files under a folder, skipping hidden files and the output folder. */
    private final class WavFinder extends SimpleFileVisitor<Path> {
        private final Path root;
        private final List<Path> found;

        WavFinder(Path root, List<Path> found) {
            this.root = root;
            this.found = found;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return isOutputFolder(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String name = file.getFileName().toString();
            if (attrs.isRegularFile() && !name.startsWith(".") && name.toLowerCase(Locale.ROOT).endsWith(".wav")) {
                found.add(file);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            files.add(new InputFile(file, root.relativize(file), "cannot be listed: " + Problems.describe(e)));
            return FileVisitResult.CONTINUE;
        }
    }

    private boolean isOutputFolder(Path dir) {
        try {
            return Files.exists(outDir) && Files.isSameFile(dir, outDir);
        } catch (IOException e) {
            return false;
        }
    }

    private void accept(Path file, Path relative) {
        Path identity = identity(file);
        if (!seen.add(identity)) {
            return;
        }
        Path output = OutputPaths.relativeOutput(relative);
        Path earlier = outputs.putIfAbsent(output, file);
        files.add(earlier == null ? InputFile.ok(file, relative) : new InputFile(file, relative,
                "its output name " + output + " is already taken by " + earlier
                        + " (give their folder instead, so outputs keep the folder structure)"));
    }

    private static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }
}
