package org.namcl.spark;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.namcl.render.InputCollector;
import org.namcl.render.ModelCollector;
import org.namcl.render.OutputPaths;

/**
 * The inputs of a render job, found on the driver (names and sizes only, never contents). With
 * local inputs and output only, exactly as {@code namcl render} finds them ({@link InputCollector});
 * otherwise local ones still so, and remote ones listed through Hadoop by the same rules: a file
 * as given, a folder searched recursively for {@code *.wav} (hidden files and the output folder
 * skipped), each once, and an input refused whose output would take another's name.
 */
final class ClusterInputs {
    private final ClusterPaths paths;
    private final FileRef out;
    private final List<InputRef> found = new ArrayList<>();

    private ClusterInputs(ClusterPaths paths, FileRef out) {
        this.paths = paths;
        this.out = out;
    }

    /** The inputs given, in order; IllegalArgumentException (a usage error) for a model among them. */
    static List<InputRef> collect(ClusterPaths paths, List<String> given, FileRef out) {
        List<FileRef> refs = given.stream().map(paths::ref).toList();
        ModelCollector.refuseModelsAmong(refs.stream().filter(r -> !r.remote()).map(FileRef::localPath).toList());
        for (int i = 0; i < refs.size(); i++) {
            if (refs.get(i).remote()) {
                ModelCollector.refuseModel(given.get(i), isFolder(paths, refs.get(i)));
            }
        }
        if (!out.remote() && refs.stream().noneMatch(FileRef::remote)) {
            return InputCollector.collect(refs.stream().map(FileRef::localPath).toList(), out.localPath()).stream()
                    .map(InputRef::of).toList();
        }
        ClusterInputs c = new ClusterInputs(paths, out);
        for (FileRef r : refs) {
            if (r.remote()) {
                c.addRemote(r);
            } else {
                InputCollector.collect(List.of(r.localPath()), out.remote() ? null : out.localPath())
                        .forEach(f -> c.found.add(InputRef.of(f)));
            }
        }
        return c.distinct();
    }

    /** Whether a remote input is a folder; one that cannot be looked at is not (its listing says why). */
    private static boolean isFolder(ClusterPaths paths, FileRef f) {
        try {
            FileStatus s = paths.files().status(f.path());
            return s != null && s.isDirectory();
        } catch (IOException e) {
            return false;
        }
    }

    private void addRemote(FileRef given) {
        try {
            FileStatus s = paths.files().status(given.path());
            if (s == null) {
                found.add(new InputRef(given, given.fileName(), "no such file or folder"));
            } else if (s.isDirectory() && out.remote() && out.path().equals(given.path())) {
                found.add(new InputRef(given, given.fileName(), "is the output folder too; write the outputs elsewhere"));
            } else if (s.isDirectory()) {
                String root = s.getPath().toString();
                for (FileStatus f : paths.files().find(root, ".wav", out.remote() ? out.path() : null)) {
                    found.add(new InputRef(new FileRef(f.getPath().toString(), true),
                            RemoteFiles.relative(root, f.getPath()), null));
                }
            } else {
                found.add(new InputRef(given, given.fileName(), null));
            }
        } catch (IOException e) {
            found.add(new InputRef(given, given.fileName(), "cannot be listed: " + e.getMessage()));
        }
    }

    /** Each file once; an input whose output name another took, or that names no output, refused. */
    private List<InputRef> distinct() {
        Set<String> seen = new HashSet<>();
        Map<Path, String> outputs = new HashMap<>();
        List<InputRef> kept = new ArrayList<>();
        for (InputRef in : found) {
            if (!seen.add(in.file().path())) {
                continue;
            }
            if (in.problem() != null) {
                kept.add(in);
                continue;
            }
            Path output;
            try {
                output = OutputPaths.relativeOutput(Path.of(in.relative()));
            } catch (InvalidPathException e) {
                kept.add(new InputRef(in.file(), in.relative(), "its name cannot be an output path here"));
                continue;
            }
            String earlier = outputs.putIfAbsent(output, in.file().path());
            kept.add(earlier == null ? in : new InputRef(in.file(), in.relative(), "its output name " + output
                    + " is already taken by " + earlier + " (give their folder instead, so outputs keep the folder "
                    + "structure)"));
        }
        return kept;
    }
}
