package org.namcl.spark;

import java.io.Serializable;
import java.nio.file.Path;
import org.namcl.render.InputFile;

/** An {@link InputFile} as it travels to the executors. */
record InputRef(String path, String relative, String problem) implements Serializable {

    static InputRef of(InputFile f) {
        return new InputRef(f.path().toString(), f.relative().toString(), f.problem());
    }

    InputFile file() {
        return new InputFile(Path.of(path), Path.of(relative), problem);
    }
}
