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
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * How namcl looks for files, the same for inputs and models: folders searched recursively for one
 * extension in any case, hidden files (such as macOS "._" forks) skipped, links followed (a linked
 * folder is searched; a link back to a folder above it is reported as a loop), found files sorted
 * by path; and a file known by its real path, so one reached twice is taken once. A name that
 * matches is found whatever the file is (a pipe, a device, a broken link): whoever takes the
 * files refuses those with a reason, rather than skipping them unsaid.
 */
final class FileSearch {
    private FileSearch() {
    }

    /** A path under the folder that could not be listed, and why. */
    record Unlisted(Path path, IOException cause) {
    }

    /** The files found, sorted, and what could not be listed on the way. */
    record Result(List<Path> files, List<Unlisted> unlisted) {
    }

    /**
     * The files under {@code root} whose name ends in {@code extension} (such as ".wav"), not
     * entering the folders {@code skip} accepts.
     */
    static Result find(Path root, String extension, Predicate<Path> skip) {
        List<Path> files = new ArrayList<>();
        List<Unlisted> unlisted = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            return skip.test(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            String name = file.getFileName().toString();
                            if (!attrs.isDirectory() && !name.startsWith(".")
                                    && name.toLowerCase(Locale.ROOT).endsWith(extension)) {
                                files.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            unlisted.add(new Unlisted(file, e));
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            unlisted.add(new Unlisted(root, e));
        }
        files.sort(null);
        return new Result(files, unlisted);
    }

    /** What tells two paths to one file apart from two files: its real path where it has one. */
    static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }
}
