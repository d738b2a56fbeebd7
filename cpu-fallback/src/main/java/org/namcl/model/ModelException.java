package org.namcl.model;

/**
 * A {@code .nam} file that cannot be used: malformed, inconsistent or unsupported. The message
 * names the file (when known) and the problem, so the CLI can print it as it is.
 */
public class ModelException extends RuntimeException {
    /** @param message the file (when known) and the problem */
    public ModelException(String message) {
        super(message);
    }

    /**
     * @param message the file (when known) and the problem
     * @param cause what found it
     */
    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The same problem, with the file's name in front (unless it is already there).
     *
     * @param file the file's name
     * @return the exception saying so
     */
    public ModelException inFile(String file) {
        if (getMessage().startsWith(file)) {
            return this;
        }
        ModelException e = relabelled(file + ": " + getMessage());
        e.setStackTrace(getStackTrace());
        return e;
    }

    /**
     * A copy of this exception, of the same type, with another message.
     *
     * @param message the new message
     * @return the copy
     */
    protected ModelException relabelled(String message) {
        return new ModelException(message, getCause());
    }
}
