package org.namcl.engine;

import org.namcl.model.ModelException;

/** An engine was asked to run a model its {@link Engine#supports} rejects; the message says why. */
public final class UnsupportedModelException extends ModelException {
    /** @param support the engine's "no", whose problem is the message */
    public UnsupportedModelException(Support support) {
        super(support.problem());
    }

    /**
     * Throws unless {@code support} says yes.
     *
     * @param support an engine's answer
     * @throws UnsupportedModelException when it says no
     */
    public static void check(Support support) {
        if (!support.supported()) {
            throw new UnsupportedModelException(support);
        }
    }
}
