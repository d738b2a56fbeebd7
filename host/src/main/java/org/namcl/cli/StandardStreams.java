package org.namcl.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.List;
import org.namcl.render.StandardInput;

/**
 * {@code -} on render's command line, as sox and other tools read it: standard input as the input,
 * standard output as {@code -o} or {@code --report}.
 */
final class StandardStreams {
    private StandardStreams() {
    }

    static boolean isDash(Path p) {
        return p != null && StandardInput.ARGUMENT.equals(p.toString());
    }

    /** How many of {@code inputs} are {@code -}. */
    static long dashes(List<Path> inputs) {
        return inputs.stream().filter(StandardStreams::isDash).count();
    }

    /**
     * Standard output as a channel for the WAV stream, written to directly (no buffer between),
     * and from now on Java's {@code System.out} printing to stderr, so nothing else lands in the
     * stream.
     */
    static WritableByteChannel takeStdout() {
        System.setOut(System.err);
        return new FileOutputStream(FileDescriptor.out).getChannel();
    }
}
