package org.namcl.cpu;

/**
 * The recent past of a multi-channel signal that a causal conv reads: rows of
 * {@code lookback + capacity} samples, the current block written at {@link #position()}.
 * When a block would overrun a row, the last {@code lookback} samples move to the front, so
 * the copy cost is amortised over {@code capacity} samples.
 */
final class History {
    final float[] buf;
    final int stride;
    private final int rows;
    private final int lookback;
    private int pos;
    private float[] saved;
    private int savedPos;

    History(int rows, int lookback, int maxBlock) {
        this.rows = rows;
        this.lookback = lookback;
        this.stride = lookback + Math.max(8 * maxBlock, 2 * lookback);
        this.buf = new float[rows * stride];
        this.pos = lookback;
    }

    int position() {
        return pos;
    }

    /** Makes room for a block of n samples at {@link #position()}. */
    void prepare(int n) {
        if (pos + n > stride) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(buf, r * stride + pos - lookback, buf, r * stride, lookback);
            }
            pos = lookback;
        }
    }

    void advance(int n) {
        pos += n;
    }

    /** Stores a block's rows (row stride {@code srcStride}) at the current position. */
    void write(float[] src, int srcStride, int n) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src, r * srcStride, buf, r * stride + pos, n);
        }
    }

    void save() {
        saved = buf.clone();
        savedPos = pos;
    }

    void restore() {
        System.arraycopy(saved, 0, buf, 0, buf.length);
        pos = savedPos;
    }
}
