package org.namcl.spark;

import java.io.Serializable;
import java.nio.file.Path;
import org.namcl.render.InputFile;

/**
 * An {@link InputFile} as it travels to the executors: a local file, or a remote one (its
 * qualified URI) that its task copies first ({@link Staging}).
 */
record InputRef(FileRef file, String relative, String problem) implements Serializable {

    static InputRef of(InputFile f) {
        return new InputRef(FileRef.local(f.path()), f.relative().toString(), f.problem());
    }

    /** The input of a local file as namcl render takes it. */
    InputFile local() {
        return new InputFile(file.localPath(), Path.of(relative), problem);
    }
}
