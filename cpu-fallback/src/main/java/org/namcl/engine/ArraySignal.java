package org.namcl.engine;

/**
 * Signals held in memory: a source reading from arrays and a sink filling arrays, for library
 * callers rendering buffers and for signals small enough to decode once and share.
 */
public final class ArraySignal {
    private ArraySignal() {
    }

    /**
     * A source reading arrays from the start.
     *
     * @param channels one array per channel, all of the same length
     * @return the source
     */
    public static SignalSource source(float[]... channels) {
        int length = channels[0].length;
        for (float[] c : channels) {
            if (c.length != length) {
                throw new IllegalArgumentException("channels of different lengths: " + length + " and " + c.length);
            }
        }
        return new SignalSource() {
            private int position;

            @Override
            public int channels() {
                return channels.length;
            }

            @Override
            public int read(float[][] dst, int off, int n) {
                int m = Math.min(n, length - position);
                for (int c = 0; c < channels.length; c++) {
                    System.arraycopy(channels[c], position, dst[c], off, m);
                }
                position += m;
                return m;
            }
        };
    }

    /**
     * A sink filling arrays from the start; more frames than they hold is an error.
     *
     * @param channels one array per channel
     * @return the sink
     */
    public static SignalSink sink(float[]... channels) {
        return new SignalSink() {
            private int position;

            @Override
            public void write(float[][] src, int off, int n) {
                if (position + n > channels[0].length) {
                    throw new IllegalStateException("sink of " + channels[0].length + " frames given " + (position + n));
                }
                for (int c = 0; c < channels.length; c++) {
                    System.arraycopy(src[c], off, channels[c], position, n);
                }
                position += n;
            }
        };
    }
}
