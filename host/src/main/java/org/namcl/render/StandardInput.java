package org.namcl.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.namcl.files.OwnedFiles;

/**
 * A WAV file read from standard input (the input {@code -}): copied whole into one of the run's
 * temporary files, as a batch reads each input more than once (its length for the progress line,
 * then once per model). The copy is deleted when closed, and at a signal by the process's shutdown.
 */
public final class StandardInput implements AutoCloseable {
    /** The input argument that means standard input. */
    public static final String ARGUMENT = "-";
    /** What messages and the report call it. */
    static final String SHOWN = "stdin";

    private final OwnedFiles.Temporary copy;

    private StandardInput(OwnedFiles.Temporary copy) {
        this.copy = copy;
    }

    /**
     * Copies {@code in} to its end into a temporary file.
     *
     * @param in standard input
     * @return the copy; close it to delete it
     * @throws IOException when it cannot be read or the copy cannot be written
     */
    public static StandardInput read(InputStream in) throws IOException {
        Path target = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().resolve("namcl-stdin.wav");
        OwnedFiles.Temporary copy = OwnedFiles.process().createTemporary(target);
        try {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                for (ByteBuffer b = ByteBuffer.wrap(buffer, 0, n); b.hasRemaining(); ) {
                    copy.channel().write(b);
                }
            }
            copy.channel().close();
            return new StandardInput(copy);
        } catch (IOException | RuntimeException e) {
            OwnedFiles.process().discard(copy);
            throw new IOException("cannot read a WAV file from standard input: " + Problems.describe(e), e);
        }
    }

    /**
     * The input, called {@value #SHOWN}; a folder of outputs names its output {@code stdin.wav}.
     *
     * @return the input
     */
    public InputFile input() {
        return new InputFile(copy.path(), Path.of(SHOWN + ".wav"), null, SHOWN);
    }

    @Override
    public void close() throws IOException {
        OwnedFiles.process().discard(copy);
    }
}
