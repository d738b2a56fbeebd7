package org.namcl.model;

/**
 * Reads a model's flat weight array in order. Running past the end does not stop the walk: it
 * remembers the first part that ran short and keeps counting (allocating nothing more), so
 * {@link #finish()} can report both the expected total and where the file's weights gave out.
 */
final class WeightCursor {
    private static final float[] NONE = new float[0];

    private final float[] weights;
    private long position;
    private String firstShortPart;

    WeightCursor(float[] weights) {
        this.weights = weights;
    }

    /**
     * The next {@code n} weights for the model part named {@code part}; once the weights have run
     * out, an empty array (the walk then only counts).
     */
    float[] take(long n, String part) {
        long end = position + n;
        position = end;
        if (exhausted() || end > weights.length) {
            if (firstShortPart == null) {
                firstShortPart = part;
            }
            return NONE;
        }
        float[] out = new float[(int) n];
        System.arraycopy(weights, (int) (end - n), out, 0, (int) n);
        return out;
    }

    /** Whether some part ran short: what was taken since may be empty. */
    boolean exhausted() {
        return firstShortPart != null;
    }

    long position() {
        return position;
    }

    void finish() {
        if (position == weights.length && !exhausted()) {
            return;
        }
        if (position > weights.length) {
            throw new ModelException("weight count mismatch: the config needs " + position
                    + " weights but the file has " + weights.length + "; they ran out in " + firstShortPart);
        }
        throw new ModelException("weight count mismatch: the config needs " + position
                + " weights but the file has " + weights.length + " (" + (weights.length - position)
                + " left over)");
    }
}
