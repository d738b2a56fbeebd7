package org.namcl.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.Charset;

/**
 * stderr as the {@code ./namcl} launcher hands it over. The launcher runs the JVM's own descriptor
 * 2 through a filter that drops the JDK's warning about the Vector API's incubator module, and
 * passes the user's stderr as another descriptor, named by {@value #PROPERTY}: namcl's messages
 * go there directly, so none waits in the filter past the process's exit or a Ctrl-C, and a
 * terminal is seen as one. Opening {@code /dev/fd/N} instead would make a new file description
 * (its own offset: {@code >log 2>&1} would overwrite lines), so the descriptor itself is adopted,
 * which needs {@code --add-opens java.base/java.io=ALL-UNNAMED} (the launcher adds it).
 */
public final class LauncherStderr {
    /** The system property naming the descriptor of the user's stderr. */
    public static final String PROPERTY = "namcl.stderr.fd";

    private LauncherStderr() {
    }

    /**
     * Points {@code System.err} at the descriptor the launcher named, if it named one; when that
     * cannot be done, forgets the property and stays on descriptor 2 (the filtered one).
     */
    public static void adopt() {
        Integer fd = Integer.getInteger(PROPERTY);
        if (fd == null) {
            return;
        }
        try {
            FileDescriptor handed = new FileDescriptor();
            Field number = FileDescriptor.class.getDeclaredField("fd");
            number.setAccessible(true);
            number.setInt(handed, fd);
            String encoding = System.getProperty("sun.stderr.encoding");
            Charset charset = encoding == null ? Charset.defaultCharset() : Charset.forName(encoding);
            System.setErr(new PrintStream(new FileOutputStream(handed), true, charset));
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.clearProperty(PROPERTY);
        }
    }
}
