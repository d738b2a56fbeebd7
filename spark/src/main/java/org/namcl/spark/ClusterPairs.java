package org.namcl.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.namcl.eval.PairCollector;

/**
 * The (DI, target) pairs of an eval job, found on the driver (names only, never contents): with
 * local files by {@link PairCollector}, as {@code namcl eval} finds them; with remote ones by the
 * same rules through Hadoop (a DI and its target, a folder of DIs and one of targets matched by
 * relative path, or a list of {@code input,target} rows whose relative entries are taken from the
 * list's folder).
 */
final class ClusterPairs {
    /** A list of a hundred thousand pairs is a few megabytes. */
    private static final long MAX_LIST_BYTES = 64L << 20;

    private final ClusterPaths paths;

    ClusterPairs(ClusterPaths paths) {
        this.paths = paths;
    }

    /** The pairs of {@code --input DI --target TARGET}; IllegalArgumentException (a usage error) names a bad one. */
    List<EvalPairRef> fromPaths(String input, String target) {
        FileRef in = paths.ref(input);
        FileRef t = paths.ref(target);
        if (!in.remote() && !t.remote()) {
            return PairCollector.fromPaths(in.localPath(), t.localPath()).stream().map(EvalPairRef::of).toList();
        }
        try {
            boolean targetFolder = isFolder(t);
            if (!isFolder(in)) {
                FileRef tf = targetFolder ? child(t, in.fileName()) : t;
                return List.of(new EvalPairRef(in.fileName(), in, tf, problem(in, tf)));
            }
            if (!targetFolder) {
                throw new IllegalArgumentException("--input " + input + " is a folder, so --target must be the "
                        + "folder of its targets (matched by relative path), but " + target + " is not a folder");
            }
            List<EvalPairRef> pairs = new ArrayList<>();
            for (String relative : wavs(in)) {
                FileRef di = child(in, relative);
                FileRef tf = child(t, relative);
                pairs.add(new EvalPairRef(relative, di, tf, problem(di, tf)));
            }
            if (pairs.isEmpty()) {
                throw new IllegalArgumentException("no WAV files found in " + input + " or its subfolders");
            }
            return pairs;
        } catch (IOException e) {
            throw new IllegalArgumentException(input + ": cannot be listed: " + e.getMessage());
        }
    }

    /** The pairs a CSV list names; IllegalArgumentException (a usage error) when it cannot be read. */
    List<EvalPairRef> fromCsv(String csv) {
        FileRef list = paths.ref(csv);
        if (!list.remote()) {
            return PairCollector.fromCsv(list.localPath()).stream().map(EvalPairRef::of).toList();
        }
        List<String> lines;
        try {
            lines = paths.files().readLines(list.path(), MAX_LIST_BYTES, "a list of pairs");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the pair list " + csv + ": " + e.getMessage());
        }
        org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(list.path()).getParent();
        List<EvalPairRef> pairs = new ArrayList<>();
        for (PairCollector.CsvRow row : PairCollector.csvRows(csv, lines)) {
            FileRef in = paths.ref(new org.apache.hadoop.fs.Path(folder, row.input()).toString());
            FileRef t = paths.ref(new org.apache.hadoop.fs.Path(folder, row.target()).toString());
            try {
                pairs.add(new EvalPairRef(row.name(), in, t, problem(in, t)));
            } catch (IOException e) {
                pairs.add(new EvalPairRef(row.name(), in, t, in.path() + ": cannot be read: " + e.getMessage()));
            }
        }
        return pairs;
    }

    /** Why the pair cannot be scored, found before scoring (as namcl eval words it), or null. */
    private String problem(FileRef in, FileRef target) throws IOException {
        if (!exists(in, false)) {
            return in.path() + ": no such DI file";
        }
        return exists(target, true) ? null : in.path() + ": no target: " + target.path() + " does not exist";
    }

    private boolean exists(FileRef f, boolean regularFile) throws IOException {
        if (!f.remote()) {
            return regularFile ? java.nio.file.Files.isRegularFile(f.localPath()) : java.nio.file.Files.exists(f.localPath());
        }
        FileStatus s = paths.files().status(f.path());
        return s != null && (!regularFile || s.isFile());
    }

    private boolean isFolder(FileRef f) throws IOException {
        if (!f.remote()) {
            return java.nio.file.Files.isDirectory(f.localPath());
        }
        FileStatus s = paths.files().status(f.path());
        return s != null && s.isDirectory();
    }

    /** The WAV files under a folder, by path relative to it (with /). */
    private List<String> wavs(FileRef folder) throws IOException {
        if (!folder.remote()) {
            java.nio.file.Path root = folder.localPath();
            return org.namcl.render.InputCollector.collect(List.of(root), null).stream()
                    .map(f -> f.relative().toString().replace('\\', '/')).toList();
        }
        String root = paths.files().status(folder.path()).getPath().toString();
        return paths.files().find(root, ".wav", null).stream()
                .map(f -> RemoteFiles.relative(root, f.getPath())).toList();
    }

    private FileRef child(FileRef folder, String relative) {
        return folder.remote() ? new FileRef(new org.apache.hadoop.fs.Path(folder.path(), relative).toString(), true)
                : FileRef.local(folder.localPath().resolve(relative));
    }
}
