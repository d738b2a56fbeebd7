package org.namcl.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import org.namcl.audio.WavReader;
import org.namcl.files.OwnedFiles;

/**
 * A WAV file read from standard input (the input {@code -}), one of two ways. {@link #read}
 * copies it whole into one of the run's temporary files, as a batch reads each input more than
 * once (its length for the progress line, then once per model); the copy is deleted when closed,
 * and at a signal by the process's shutdown. {@link #stream} reads it as it arrives, once: for a
 * run of one pair, which then renders in bounded memory while the stream comes in.
 */
public final class StandardInput implements AutoCloseable {
    /** The input argument that means standard input. */
    public static final String ARGUMENT = "-";
    /** What messages and the report call it. */
    static final String SHOWN = "stdin";

    /** The copy, or null when streamed. */
    private final OwnedFiles.Temporary copy;
    /** The stream, or null when copied. */
    private final ReadableByteChannel stream;
    private boolean opened;

    private StandardInput(OwnedFiles.Temporary copy, ReadableByteChannel stream) {
        this.copy = copy;
        this.stream = stream;
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
            return new StandardInput(copy, null);
        } catch (IOException | RuntimeException e) {
            OwnedFiles.process().discard(copy);
            throw new IOException("cannot read a WAV file from standard input: " + Problems.describe(e), e);
        }
    }

    /**
     * {@code in}, to be read as it arrives when its pair renders (nothing is read now): its
     * header, then its samples block by block. It can be read once.
     *
     * @param in standard input
     * @return the stream
     */
    public static StandardInput stream(InputStream in) {
        return new StandardInput(null, Channels.newChannel(in));
    }

    /**
     * The input, called {@value #SHOWN}; a folder of outputs names its output {@code stdin.wav}.
     *
     * @return the input
     */
    public InputFile input() {
        Path relative = Path.of(SHOWN + ".wav");
        return copy != null ? new InputFile(copy.path(), relative, null, SHOWN)
                : new InputFile(Path.of(ARGUMENT), relative, null, SHOWN, this);
    }

    /** The stream's reader, its header read now; a second call fails (a stream is read once). */
    synchronized WavReader open() throws IOException {
        if (opened) {
            throw new IOException(ARGUMENT + ": standard input was read once, as it arrived: it cannot be read again");
        }
        opened = true;
        return WavReader.stream(stream, ARGUMENT);
    }

    @Override
    public void close() throws IOException {
        if (copy != null) {
            OwnedFiles.process().discard(copy);
        }
    }
}
