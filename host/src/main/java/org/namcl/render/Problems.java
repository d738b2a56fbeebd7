package org.namcl.render;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * One line for people from an exception: what went wrong and where, no class names where the
 * message says it already. Java's file exceptions carry only the path as their message; they
 * get the reason added.
 */
public final class Problems {
    private Problems() {
    }

    /**
     * What went wrong, for one line.
     *
     * @param e the exception
     * @return the file it concerns (when it names one) and the reason
     */
    public static String describe(Throwable e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + reason(e);
        }
        return reason(e);
    }

    /**
     * What went wrong without where, for a message that names the file itself: not every
     * exception about a file names it (reading a folder as a file says only "Is a directory").
     *
     * @param e the exception
     * @return the reason
     */
    public static String reason(Throwable e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getReason() != null ? f.getReason() : fileReason(f);
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory (" + e.getMessage() + "); give Java more with NAMCL_JAVA_OPTS=-Xmx..., or use "
                    + "fewer --threads";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String fileReason(FileSystemException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof FileSystemLoopException) {
            return "a link back to a folder above it (a loop)";
        }
        return e.getClass().getSimpleName();
    }
}
