package org.namcl.render;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.namcl.files.OwnedFiles;

/** Writes a report (JSON, HTML) atomically: the file is whole or not there. */
public final class ReportFile {
    private ReportFile() {
    }

    /** Writes {@code bytes} to {@code file} through one of this run's temporary files, renamed into place. */
    public static void write(Path file, byte[] bytes) throws IOException {
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
            throw new IOException("cannot write the report " + file + ": " + Problems.describe(e), e);
        }
    }
}
