package org.namcl.compare;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.namcl.engine.SignalSink;
import org.namcl.files.OwnedFiles;
import org.namcl.engine.SignalSource;

/**
 * A baseline rendering kept on disk while the other sides are compared with it: the engine's
 * float32 samples exactly as rendered (NaN and infinity included), frames interleaved, so any
 * length fits in bounded memory. Written once through {@link #sink()}, then read through
 * {@link #source()} as often as needed; {@link #delete()} removes it. It is one of the process's
 * temporary files, so an interrupted run removes it too.
 */
final class RawSignalFile {
    private static final int BLOCK_FRAMES = 4096;

    private final OwnedFiles.Temporary file;
    private final int channels;
    private long frames;

    /** A new file in {@code dir} (absolute). */
    RawSignalFile(Path dir, int channels) throws IOException {
        this.file = OwnedFiles.process().createTemporary(dir.resolve("namcl-compare-baseline.f32"));
        this.channels = channels;
    }

    long frames() {
        return frames;
    }

    /** Appends every frame written to it (once); closed by {@link Writer#close()}. */
    Writer sink() {
        return new Writer(file.channel());
    }

    /** Reads the frames written, from the first. */
    Reader source() throws IOException {
        return new Reader(FileChannel.open(file.path(), StandardOpenOption.READ));
    }

    void delete() throws IOException {
        OwnedFiles.process().discard(file);
    }

    final class Writer implements SignalSink, AutoCloseable {
        private final FileChannel out;
        private final ByteBuffer buffer = ByteBuffer.allocate(BLOCK_FRAMES * channels * Float.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);

        private Writer(FileChannel out) {
            this.out = out;
            frames = 0;
        }

        @Override
        public void write(float[][] src, int off, int n) throws IOException {
            for (int done = 0; done < n; ) {
                int k = Math.min(BLOCK_FRAMES, n - done);
                buffer.clear();
                for (int i = 0; i < k; i++) {
                    for (int c = 0; c < channels; c++) {
                        buffer.putFloat(src[c][off + done + i]);
                    }
                }
                buffer.flip();
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                done += k;
            }
            frames += n;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    final class Reader implements SignalSource, AutoCloseable {
        private final FileChannel in;
        private final ByteBuffer buffer = ByteBuffer.allocate(BLOCK_FRAMES * channels * Float.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);

        private Reader(FileChannel in) {
            this.in = in;
        }

        @Override
        public int channels() {
            return channels;
        }

        @Override
        public int read(float[][] dst, int off, int n) throws IOException {
            int k = Math.min(n, BLOCK_FRAMES);
            buffer.clear().limit(k * channels * Float.BYTES);
            while (buffer.hasRemaining() && in.read(buffer) >= 0) {
                // until full or at the end
            }
            buffer.flip();
            int got = buffer.remaining() / (channels * Float.BYTES);
            for (int i = 0; i < got; i++) {
                for (int c = 0; c < channels; c++) {
                    dst[c][off + i] = buffer.getFloat();
                }
            }
            return got;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
