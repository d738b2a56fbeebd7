package org.namcl.audio;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;

/**
 * What a WAV file is read from: a file, read anywhere, or a stream (standard input), read once
 * and in order, whose size is not known.
 */
interface ByteInput extends Closeable {
    /** {@link #size()} of a stream. */
    long UNKNOWN_SIZE = Long.MAX_VALUE;

    /**
     * Reads bytes from {@code position} into {@code dst}.
     *
     * @return bytes read, -1 at the end
     */
    int read(ByteBuffer dst, long position) throws IOException;

    /** The size in bytes, or {@link #UNKNOWN_SIZE} for a stream. */
    long size() throws IOException;

    /** A file's channel, read at any position. */
    static ByteInput of(FileChannel channel) {
        return new ByteInput() {
            @Override
            public int read(ByteBuffer dst, long position) throws IOException {
                return channel.read(dst, position);
            }

            @Override
            public long size() throws IOException {
                return channel.size();
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    /**
     * A stream, read forward only: a read further on skips what lies between, a read behind what
     * was read fails.
     */
    static ByteInput forward(ReadableByteChannel channel, String name) {
        return new ByteInput() {
            private final ByteBuffer skipped = ByteBuffer.allocate(8192);
            private long at;

            @Override
            public int read(ByteBuffer dst, long position) throws IOException {
                if (position < at) {
                    throw new IOException(name + ": a stream is read once, in order: cannot go back to byte " + position);
                }
                while (at < position) {
                    skipped.clear().limit((int) Math.min(skipped.capacity(), position - at));
                    int n = channel.read(skipped);
                    if (n < 0) {
                        return -1;
                    }
                    at += n;
                }
                int n = channel.read(dst);
                if (n > 0) {
                    at += n;
                }
                return n;
            }

            @Override
            public long size() {
                return UNKNOWN_SIZE;
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }
}
