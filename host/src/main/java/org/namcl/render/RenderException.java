package org.namcl.render;

/** A file and a model that cannot be rendered together as asked (e.g. their sample rates differ). */
public class RenderException extends RuntimeException {
    /** @param message what cannot be done, for one line */
    public RenderException(String message) {
        super(message);
    }
}
