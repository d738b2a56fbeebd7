package org.namcl.audio;

import java.io.IOException;
import java.nio.file.Path;

/** A WAV file is malformed, unsupported or holds samples that cannot be processed. */
public class AudioFormatException extends IOException {

    private final transient Path file;

    /**
     * @param file the file, which the message names first
     * @param problem what is wrong with it
     */
    public AudioFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /**
     * The file the problem was found in.
     *
     * @return the file (not kept when the exception is serialised)
     */
    public Path file() {
        return file;
    }
}
