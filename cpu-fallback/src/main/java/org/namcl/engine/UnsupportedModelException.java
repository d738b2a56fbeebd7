package org.namcl.engine;

import org.namcl.model.ModelException;

/** An engine was asked to run a model its {@link Engine#supports} rejects; the message says why. */
public final class UnsupportedModelException extends ModelException {
    public UnsupportedModelException(Support support) {
        super(support.problem());
    }

    /** Throws unless {@code support} says yes. */
    public static void check(Support support) {
        if (!support.supported()) {
            throw new UnsupportedModelException(support);
        }
    }
}
