package org.namcl.render;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.namcl.files.OwnedFiles;

/**
 * Writes a whole file or nothing (reports: JSON, CSV, HTML): into one of this run's temporary
 * files beside it, renamed over it when complete, and removed if the run is interrupted.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /**
     * @param file the file to write
     * @param bytes its whole content
     * @param what what the file is, for the message ("the report")
     * @throws IOException naming {@code what} and the file
     */
    public static void write(Path file, byte[] bytes, String what) throws IOException {
        Path target = file.toAbsolutePath();
        OwnedFiles files = OwnedFiles.process();
        OwnedFiles.Temporary temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = files.createTemporary(target);
            for (ByteBuffer b = ByteBuffer.wrap(bytes); b.hasRemaining(); ) {
                temp.channel().write(b);
            }
            temp.channel().close();
            files.commit(temp, target);
        } catch (IOException e) {
            if (temp != null) {
                files.discard(temp);
            }
            throw new IOException("cannot write " + what + " " + file + ": " + Problems.describe(e), e);
        }
    }
}
