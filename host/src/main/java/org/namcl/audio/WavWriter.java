package org.namcl.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.namcl.files.OwnedFiles;

/**
 * Streams deinterleaved floats into a WAV file that appears under its final name only when
 * complete. Samples go to a hidden temporary file in the same folder
 * ({@code .NAME.namcl-PID-RANDOM.partial}, see {@link OwnedFiles}); {@link #commit()} finishes the
 * header, syncs it to disk and atomically renames it over the final name. Closing without a
 * successful commit deletes the temporary file, so a failed render never leaves a partial file
 * behind, and neither does a signal: the process's shutdown deletes it.
 *
 * <p>{@link #stream} writes to a channel that cannot seek back (standard output) instead: the
 * header carries the sizes sox writes for a stream of unknown length, and {@link #commit()}
 * ends the data.
 *
 * <p>PCM output rounds x * 2^(bits-1) to nearest and clips to the integer range, counting clipped
 * samples; there is no dither. NaN and infinite samples are refused.
 */
public final class WavWriter implements AutoCloseable {

    private static final int BUFFER_BYTES = 64 * 1024;
    private final Path finalPath;
    /** The file being written, or null for a stream. */
    private final OwnedFiles.Temporary temp;
    private final WritableByteChannel channel;
    private final WavFormat format;
    private final WavHeaderWriter header;
    private final ByteBuffer buffer;
    private final int bufferFrames;
    private long framesWritten;
    private long clippedSamples;
    private boolean committed;
    private boolean broken;

    private WavWriter(Path finalPath, OwnedFiles.Temporary temp, WritableByteChannel channel, WavFormat format,
                      WavChunk extra) {
        this.finalPath = finalPath;
        this.temp = temp;
        this.channel = channel;
        this.format = format;
        this.header = new WavHeaderWriter(format, extra);
        this.bufferFrames = Math.max(1, BUFFER_BYTES / format.blockAlign());
        this.buffer = ByteBuffer.allocate(bufferFrames * format.blockAlign()).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Starts a WAV file that will replace {@code finalPath} on {@link #commit()}.
     *
     * @param finalPath the file to write
     * @param format its format
     * @return the writer; close it when done (without a commit, that deletes the temporary file)
     * @throws IOException naming the folder if no file can be created in it
     */
    public static WavWriter create(Path finalPath, WavFormat format) throws IOException {
        return create(finalPath, format, null);
    }

    /**
     * Starts a WAV file that will replace {@code finalPath} on {@link #commit()}, with {@code extra}
     * (or no chunk, if null) between its format and its samples.
     *
     * @param finalPath the file to write
     * @param format its format
     * @param extra a chunk before the samples, or null
     * @return the writer; close it when done (without a commit, that deletes the temporary file)
     * @throws IOException naming the folder if no file can be created in it
     */
    public static WavWriter create(Path finalPath, WavFormat format, WavChunk extra) throws IOException {
        if (format.byteRate() > 0xFFFFFFFFL) {
            throw new AudioFormatException(finalPath, "format " + format + " is too large for a WAV header");
        }
        if (Files.isDirectory(finalPath)) {
            throw new AudioFormatException(finalPath, "cannot write a WAV file: it is a folder");
        }
        Path absolute = finalPath.toAbsolutePath();
        OwnedFiles.Temporary temp;
        try {
            temp = OwnedFiles.process().createTemporary(absolute);
        } catch (IOException e) {
            throw new IOException("cannot create an output file in folder " + absolute.getParent()
                    + ": " + describe(e), e);
        }
        WavWriter writer = new WavWriter(finalPath, temp, temp.channel(), format, extra);
        try {
            writer.writeFully(writer.header.placeholder());
        } catch (IOException e) {
            writer.close();
            throw e;
        }
        return writer;
    }

    /**
     * Starts a WAV stream on {@code out}, which is never sought in (a pipe); {@code name} is what
     * messages call it. Closing the writer leaves {@code out} open.
     *
     * @param out where the stream goes
     * @param name what messages call it
     * @param format its format
     * @param extra a chunk before the samples, or null
     * @return the writer, its header written
     * @throws IOException when the header cannot be written
     */
    public static WavWriter stream(WritableByteChannel out, String name, WavFormat format, WavChunk extra)
            throws IOException {
        if (format.byteRate() > 0xFFFFFFFFL) {
            throw new AudioFormatException(Path.of(name), "format " + format + " is too large for a WAV header");
        }
        WavWriter writer = new WavWriter(Path.of(name), null, out, format, extra);
        writer.writeFully(writer.header.unknownLength());
        return writer;
    }

    /**
     * The file being written.
     *
     * @return its final path (for a stream, its name)
     */
    public Path file() {
        return finalPath;
    }

    /**
     * The format being written.
     *
     * @return channels, rate and encoding
     */
    public WavFormat format() {
        return format;
    }

    /**
     * Frames written so far.
     *
     * @return that many
     */
    public long framesWritten() {
        return framesWritten;
    }

    /**
     * PCM samples that were outside the integer range and written as the nearest extreme.
     *
     * @return that many, 0 for float
     */
    public long clippedSamples() {
        return clippedSamples;
    }

    /**
     * Appends {@code frames} frames from {@code src[channel][offset..]}. A block holding a NaN or
     * infinite sample is refused as a whole, before any of it is written.
     *
     * @param src one array per channel (at least as many as the format's channels)
     * @param offset where in each array the frames start
     * @param frames how many
     * @throws AudioFormatException naming the first non-finite sample, or if the file would
     *     exceed the 4 GiB limit of the WAV format
     */
    public void write(float[][] src, int offset, int frames) throws IOException {
        checkOpen();
        int channels = format.channels();
        if (src.length < channels) {
            throw new IllegalArgumentException("need " + channels + " channel arrays, got " + src.length);
        }
        if (offset < 0 || frames < 0) {
            throw new IllegalArgumentException("negative offset or frame count");
        }
        for (int c = 0; c < channels; c++) {
            if (src[c].length - offset < frames) {
                throw new IllegalArgumentException("channel array too short for " + frames
                        + " frames at offset " + offset);
            }
        }
        checkFinite(src, offset, frames);
        long dataBytes = (framesWritten + frames) * format.blockAlign();
        if (dataBytes > header.maxDataBytes()) {
            throw new AudioFormatException(finalPath, "output exceeds the 4 GiB size limit of a WAV file");
        }
        try {
            for (int done = 0; done < frames; ) {
                int chunk = Math.min(frames - done, bufferFrames);
                buffer.clear();
                clippedSamples += SampleCodec.encode(src, channels, offset + done, chunk, format.encoding(), buffer);
                writeFully(buffer.flip());
                done += chunk;
                framesWritten += chunk;
            }
        } catch (IOException e) {
            broken = true;
            throw new IOException(finalPath + ": writing failed: " + describe(e), e);
        }
    }

    private void checkFinite(float[][] src, int offset, int frames) throws AudioFormatException {
        int bad = SampleCodec.firstNonFinite(src, format.channels(), offset, frames);
        if (bad >= 0) {
            int c = bad % format.channels();
            float x = src[c][offset + bad / format.channels()];
            long frame = framesWritten + bad / format.channels();
            throw new AudioFormatException(finalPath, String.format(Locale.ROOT,
                    "refusing to write %s at frame %d, channel %d (%.6f s)",
                    Float.isNaN(x) ? "NaN" : "an infinite sample", frame, c, frame / (double) format.sampleRate()));
        }
    }

    /**
     * Completes the file and moves it to its final name, replacing any file there.
     *
     * @throws AudioFormatException if no frames were written: an empty WAV file is not a result
     */
    public void commit() throws IOException {
        checkOpen();
        if (framesWritten == 0) {
            throw new AudioFormatException(finalPath, "no audio samples were written");
        }
        broken = true; // until the rename succeeds
        try {
            long dataBytes = framesWritten * format.blockAlign();
            if ((dataBytes & 1) != 0) {
                writeFully(ByteBuffer.allocate(1)); // RIFF chunks are padded to an even length
            }
            if (temp == null) {
                committed = true; // a stream: its reader takes the data to its end
                return;
            }
            FileChannel channel = temp.channel();
            header.patchSizes(channel, dataBytes, framesWritten);
            channel.force(true);
            channel.close();
            OwnedFiles.process().commit(temp, finalPath.toAbsolutePath());
        } catch (IOException e) {
            throw new IOException(finalPath + ": could not complete the file: " + describe(e), e);
        }
        committed = true;
        syncFolder(temp.path().getParent());
    }

    /** Makes the rename itself durable where the platform allows syncing a folder. */
    private static void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder as a channel; the renamed file is complete either way.
        }
    }

    private void checkOpen() {
        if (committed) {
            throw new IllegalStateException(finalPath + " is already committed");
        }
        if (!channel.isOpen() || broken) {
            throw new IllegalStateException(finalPath + " writer is closed or failed earlier");
        }
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    /** Deletes the temporary file unless {@link #commit()} succeeded; safe to call twice. */
    @Override
    public void close() throws IOException {
        if (committed || temp == null) {
            return;
        }
        OwnedFiles.process().discard(temp);
    }
}
