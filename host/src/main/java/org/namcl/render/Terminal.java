package org.namcl.render;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What the progress line needs to know of the terminal: whether stderr is one, and its width. */
public final class Terminal {
    /** Columns assumed when the terminal does not say. */
    static final int DEFAULT_COLUMNS = 80;

    private Terminal() {
    }

    /**
     * Whether stderr is a terminal. On Linux, from where its file descriptor leads (a
     * pseudo-terminal or a console), so it holds with stdout in a pipe ({@code -o -}); 2, or the
     * one the launcher handed over ({@code namcl.stderr.fd}); elsewhere Java's own test, which
     * needs stdin and stdout to be the terminal.
     *
     * @return true on a terminal
     */
    public static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/" + Integer.getInteger("namcl.stderr.fd", 2));
        if (Files.isSymbolicLink(fd)) {
            try {
                String to = Files.readSymbolicLink(fd).toString();
                return to.startsWith("/dev/pts/") || to.startsWith("/dev/tty") || to.equals("/dev/console");
            } catch (IOException | UnsupportedOperationException e) {
                // fall back to Java's test
            }
        }
        return System.console() != null;
    }

    /**
     * The terminal's width: {@code COLUMNS} when set to a number (shells set it without exporting
     * it, scripts may export it), else what {@code stty size} says of the controlling terminal
     * ({@code /dev/tty}), else {@value #DEFAULT_COLUMNS}.
     */
    static int columns() {
        Integer set = positive(System.getenv("COLUMNS"));
        if (set != null) {
            return set;
        }
        File tty = new File("/dev/tty");
        if (tty.exists()) {
            try {
                Process p = new ProcessBuilder("stty", "size").redirectInput(tty)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
                if (p.waitFor(1, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    String[] rowsColumns = out.split("\\s+");
                    Integer columns = rowsColumns.length == 2 ? positive(rowsColumns[1]) : null;
                    if (columns != null) {
                        return columns;
                    }
                }
            } catch (IOException e) {
                // no stty: assume the default
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return DEFAULT_COLUMNS;
    }

    private static Integer positive(String s) {
        try {
            int n = s == null ? 0 : Integer.parseInt(s.strip());
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
