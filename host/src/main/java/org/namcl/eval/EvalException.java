package org.namcl.eval;

/** A pair that cannot be scored, for a reason its one-line message gives. */
public final class EvalException extends RuntimeException {
    public EvalException(String message) {
        super(message);
    }
}
