package org.namcl.testing;

import java.io.IOException;
import org.namcl.engine.ArraySignal;
import org.namcl.engine.SignalSource;

/**
 * A source over arrays whose reads a test watches: before each read a hook is told where it
 * begins, and may note the thread, wait for something or throw (a slow or failing file).
 */
public final class WatchedSource implements SignalSource {
    /** Told before each read. */
    @FunctionalInterface
    public interface Hook {
        /** @param position frames read before this read */
        void beforeRead(long position) throws IOException;
    }

    private final SignalSource inner;
    private final int channels;
    private final Hook hook;
    private long position;

    public WatchedSource(Hook hook, float[]... channels) {
        this.inner = ArraySignal.source(channels);
        this.channels = channels.length;
        this.hook = hook;
    }

    /** A source whose read fails with {@code message} once {@code at} frames are read. */
    public static WatchedSource failingAt(long at, String message, float[]... channels) {
        return new WatchedSource(position -> {
            if (position >= at) {
                throw new IOException(message);
            }
        }, channels);
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int read(float[][] dst, int off, int n) throws IOException {
        hook.beforeRead(position);
        int k = inner.read(dst, off, n);
        position += k;
        return k;
    }
}
