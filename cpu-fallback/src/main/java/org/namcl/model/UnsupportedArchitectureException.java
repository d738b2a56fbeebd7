package org.namcl.model;

/** A model (or the chosen submodel of a container) whose architecture namcl cannot run yet. */
public final class UnsupportedArchitectureException extends ModelException {
    public UnsupportedArchitectureException(String architecture) {
        super("unsupported architecture \"" + architecture + "\" (namcl runs: "
                + String.join(", ", NamLoader.RUNNABLE_ARCHITECTURES) + ")");
    }

    private UnsupportedArchitectureException(String message, boolean relabelled) {
        super(message);
    }

    @Override
    protected ModelException relabelled(String message) {
        return new UnsupportedArchitectureException(message, true);
    }
}
