package org.namcl.cpu;

import java.util.Arrays;

/**
 * The recent past of a multi-channel signal that a causal conv reads: one array per channel of
 * {@code lookback + capacity} samples, the current block written at the write position. When a
 * block would overrun, the last {@code lookback} samples move to the front, so the copy cost is
 * amortised over {@code capacity} samples. A conv kernel that reads at offsets reads its tap
 * windows in place ({@link #row}, {@link #windowStart}); the rows run {@value #READ_PAST}
 * samples past that, which a vector kernel may read beyond a block (values of no meaning).
 */
final class History {
    /** More than any kernel's vector step: a window's read past the block stays in its row. */
    static final int READ_PAST = 512;
    private final float[][] rows;
    private final int lookback;
    private final int stride;
    private int pos;
    /** The last {@code lookback} samples of each channel at {@link #save}: all a later read can see. */
    private float[][] saved;
    /** Whether the next write stands for a signal that has always held its value. */
    private boolean holding;

    History(int channels, int lookback, int maxBlock) {
        this.lookback = lookback;
        this.stride = lookback + Math.max(8 * maxBlock, 2 * lookback);
        this.rows = new float[channels][stride + READ_PAST];
        this.pos = lookback;
    }

    /**
     * Makes the next write (of one sample) fill the whole past with the value it writes, as if
     * the signal had always been that constant: how a streamer reaches the steady response to
     * silence in one sample instead of RF (see {@link BlockStreamer}).
     */
    void hold() {
        holding = true;
    }

    /** Stores a block of n samples (rows of {@code src}) as the newest samples. */
    void write(float[][] src, int n) {
        if (holding) {
            if (n != 1) {
                throw new IllegalStateException("a held write is of one sample, not " + n);
            }
            holding = false;
            for (int c = 0; c < rows.length; c++) {
                Arrays.fill(rows[c], src[c][0]);
            }
            pos = lookback + 1;
            return;
        }
        if (pos + n > stride) {
            for (float[] r : rows) {
                System.arraycopy(r, pos - lookback, r, 0, lookback);
            }
            pos = lookback;
        }
        for (int c = 0; c < rows.length; c++) {
            System.arraycopy(src[c], 0, rows[c], pos, n);
        }
        pos += n;
    }

    /**
     * Copies, for the block just written, the window of channel c seen through tap k of a conv
     * with kernel K and dilation d into {@code taps[c·K + k]}: samples t − d·(K−1−k), for every
     * tap but the last (the block itself, which the caller already holds).
     */
    void pastTaps(int kernel, int dilation, float[][] taps, int n) {
        for (int c = 0; c < rows.length; c++) {
            for (int k = 0; k < kernel - 1; k++) {
                window(c, dilation * (kernel - 1 - k), taps[c * kernel + k], n);
            }
        }
    }

    /** Channel c's row, which {@link #windowStart} indexes (the same array for the history's life). */
    float[] row(int c) {
        return rows[c];
    }

    /** Where, in every row, sample t − delay of the block of n just written is, for t = 0. */
    int windowStart(int delay, int n) {
        return pos - n - delay;
    }

    /** Copies samples t − delay of channel c, for every t of the block just written, into {@code dst}. */
    void window(int c, int delay, float[] dst, int n) {
        System.arraycopy(rows[c], windowStart(delay, n), dst, 0, n);
    }

    void save() {
        saved = new float[rows.length][];
        for (int c = 0; c < rows.length; c++) {
            saved[c] = Arrays.copyOfRange(rows[c], pos - lookback, pos);
        }
    }

    void restore() {
        for (int c = 0; c < rows.length; c++) {
            System.arraycopy(saved[c], 0, rows[c], 0, lookback);
        }
        pos = lookback;
    }
}
