package org.namcl.model;

/**
 * A {@code .nam} file that cannot be used: malformed, inconsistent or unsupported. The message
 * names the file (when known) and the problem, so the CLI can print it as it is.
 */
public class ModelException extends RuntimeException {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The same problem, with the file's name in front (unless it is already there). */
    public ModelException inFile(String file) {
        if (getMessage().startsWith(file)) {
            return this;
        }
        ModelException e = relabelled(file + ": " + getMessage());
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** A copy of this exception, of the same type, with another message. */
    protected ModelException relabelled(String message) {
        return new ModelException(message, getCause());
    }
}
