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

    /** The same problem, with the file's name in front. */
    public ModelException inFile(String file) {
        ModelException e = new ModelException(file + ": " + getMessage(), getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }
}
