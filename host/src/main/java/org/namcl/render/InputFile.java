package org.namcl.render;

import java.io.IOException;
import java.nio.file.Path;
import org.namcl.audio.WavReader;

/**
 * One input of a batch.
 *
 * @param path     the file, as the user named it (or found under a folder they named)
 * @param relative its path relative to the folder given, or its file name when given directly
 * @param problem  why it cannot be read, found before rendering (no such file, ...), or null
 * @param shown    what messages and the report call it when not its path (standard input's copy), or null
 * @param stream   standard input read as it arrives (then {@code path} is "-" and no file is read), or null
 */
public record InputFile(Path path, Path relative, String problem, String shown, StandardInput stream) {

    /**
     * An input read from a file.
     *
     * @param path the file
     * @param relative its path relative to the folder given
     * @param problem why it cannot be read, or null
     * @param shown what messages and the report call it, or null
     */
    public InputFile(Path path, Path relative, String problem, String shown) {
        this(path, relative, problem, shown, null);
    }

    /**
     * An input called by its path.
     *
     * @param path the file
     * @param relative its path relative to the folder given
     * @param problem why it cannot be read, or null
     */
    public InputFile(Path path, Path relative, String problem) {
        this(path, relative, problem, null);
    }

    static InputFile ok(Path path, Path relative) {
        return new InputFile(path, relative, null);
    }

    /**
     * What messages and the report call it.
     *
     * @return its shown name, else its path
     */
    public String name() {
        return shown != null ? shown : path.toString();
    }

    /**
     * Its length from its WAV header, for the progress line; 0 when unknown (it cannot be read, or
     * has a problem already: said when its pair renders).
     *
     * @return seconds
     */
    public double seconds() {
        if (problem != null || stream != null) {
            return 0;
        }
        try (WavReader r = WavReader.open(path)) {
            return r.frames() / (double) r.format().sampleRate();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * Opens it for reading (a stream: once).
     *
     * @return the reader, at the first frame
     * @throws IOException when it cannot be opened or is not a WAV file namcl reads
     */
    public WavReader open() throws IOException {
        return stream != null ? stream.open() : WavReader.open(path);
    }

    /** The same input, found unusable for {@code why}. */
    InputFile failing(String why) {
        return new InputFile(path, relative, why, shown, stream);
    }
}
