package org.namcl.model;

/**
 * Reads a model's flat weight array in order. Running past the end does not stop the walk: it
 * remembers the first part that ran short, so {@link #finish()} can report both the expected
 * total and where the file's weights gave out.
 */
final class WeightCursor {
    private final float[] weights;
    private int position;
    private String firstShortPart;

    WeightCursor(float[] weights) {
        this.weights = weights;
    }

    /** The next {@code n} weights (zeros past the end), for the model part named {@code part}. */
    float[] take(int n, String part) {
        float[] out = new float[n];
        int available = Math.max(0, Math.min(n, weights.length - position));
        System.arraycopy(weights, Math.min(position, weights.length), out, 0, available);
        if (available < n && firstShortPart == null) {
            firstShortPart = part;
        }
        position += n;
        return out;
    }

    int position() {
        return position;
    }

    void finish() {
        if (position == weights.length) {
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
