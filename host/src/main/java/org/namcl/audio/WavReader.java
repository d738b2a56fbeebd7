package org.namcl.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.namcl.engine.SignalSource;
import org.namcl.io.RegularFiles;

/**
 * Streams the samples of a WAV file as deinterleaved floats. Memory use is bounded by a small
 * fixed buffer, whatever the file length.
 *
 * <p>Reads 8-bit (unsigned), 16-, 24- and 32-bit PCM and 32- and 64-bit IEEE float, with a plain
 * or WAVE_FORMAT_EXTENSIBLE fmt chunk, from RIFF files and from RF64/BW64 files (ds64 sizes).
 * Other chunks may come in any order around fmt and data. PCM is scaled by 1 / 2^(bits-1), so the
 * most negative value reads as exactly -1. Float files must hold only finite samples, otherwise
 * reading fails at the first bad one. A partial frame at the end of the data chunk is ignored;
 * a data chunk that claims more bytes than the file holds is an error, never a shorter read, unless
 * its size is one that writers to a pipe give for an unknown length (sox's 0x7ffff000, or
 * 0xFFFFFFFF): then the data runs to the end of the file.
 */
public final class WavReader implements SignalSource, AutoCloseable {

    /** Target size of the read buffer; it always holds at least one whole frame. */
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path file;
    private final ByteInput channel;
    private final WavLayout layout;
    private final ByteBuffer buffer;
    private final int bufferFrames;
    private long framesRead;
    /** Whether a stream running to its end has ended. */
    private boolean ended;

    private WavReader(Path file, ByteInput channel, WavLayout layout) {
        this.file = file;
        this.channel = channel;
        this.layout = layout;
        int blockAlign = layout.format().blockAlign();
        this.bufferFrames = Math.max(1, BUFFER_BYTES / blockAlign);
        this.buffer = ByteBuffer.allocate(bufferFrames * blockAlign).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Opens a WAV file and parses its header.
     *
     * @param file the WAV file
     * @return the reader, at the first frame; close it when done
     * @throws AudioFormatException if the file is not a WAV file this reader can decode, has no
     *     samples, or its data chunk is cut short
     * @throws java.nio.file.FileSystemException if it is not a regular file (then it is not opened)
     */
    public static WavReader open(Path file) throws IOException {
        RegularFiles.attributes(file);
        return open(file, ByteInput.of(FileChannel.open(file, StandardOpenOption.READ)));
    }

    /**
     * Reads a WAV stream as it arrives (standard input), once and in order: its fmt chunk must
     * come before its data chunk. A stream whose data size says "unknown" (as sox and ffmpeg
     * write to a pipe) is read to its end: its length is then known only once read.
     *
     * @param in the stream, positioned at its first byte
     * @param name what messages call it
     * @return the reader, at the first frame (the header is read now); close it when done
     * @throws AudioFormatException if the stream is not a WAV stream this reader can decode
     */
    public static WavReader stream(ReadableByteChannel in, String name) throws IOException {
        return open(Path.of(name), ByteInput.forward(in, name));
    }

    private static WavReader open(Path file, ByteInput channel) throws IOException {
        try {
            return new WavReader(file, channel, WavHeaderParser.parse(channel, file));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * The file being read.
     *
     * @return its path, as given
     */
    public Path file() {
        return file;
    }

    /**
     * The file's format.
     *
     * @return channels, rate and encoding
     */
    public WavFormat format() {
        return layout.format();
    }

    @Override
    public int channels() {
        return layout.format().channels();
    }

    /**
     * Total number of frames in the file.
     *
     * @return frames (samples per channel); -1 for a stream read to its end, whose length is
     *     {@link #position()} once read
     */
    public long frames() {
        return layout.untilEnd() ? -1 : layout.frames();
    }

    /**
     * Frames returned by {@link #read} so far.
     *
     * @return that many
     */
    public long position() {
        return framesRead;
    }

    /**
     * Reads up to {@code maxFrames} frames into {@code dst[channel][offset..]}.
     *
     * @param dst one array per channel (at least {@link WavFormat#channels()} of them); arrays
     *     beyond the channel count are left untouched
     * @return the number of frames read, 0 only at the end of the data (or if maxFrames is 0)
     * @throws AudioFormatException if a float sample is NaN or infinite, or the file shrank
     */
    @Override
    public int read(float[][] dst, int offset, int maxFrames) throws IOException {
        int channels = layout.format().channels();
        if (dst.length < channels) {
            throw new IllegalArgumentException("need " + channels + " channel arrays, got " + dst.length);
        }
        if (offset < 0 || maxFrames < 0) {
            throw new IllegalArgumentException("negative offset or frame count");
        }
        for (int c = 0; c < channels; c++) {
            if (dst[c].length - offset < maxFrames) {
                throw new IllegalArgumentException("channel array too short for " + maxFrames
                        + " frames at offset " + offset);
            }
        }
        int total = ended ? 0 : (int) Math.min(maxFrames, layout.frames() - framesRead);
        int done = 0;
        while (done < total) {
            int chunk = Math.min(total - done, bufferFrames);
            int got = fill(chunk);
            int bad = SampleCodec.decode(buffer, layout.format().encoding(), dst, channels, offset + done, got);
            if (bad >= 0) {
                throw nonFinite(bad);
            }
            done += got;
            framesRead += got;
            if (got < chunk) {
                ended = true;
                break;
            }
        }
        return done;
    }

    /** Reads {@code frames} frames into the buffer; fewer only where a stream read to its end ends. */
    private int fill(int frames) throws IOException {
        int blockAlign = layout.format().blockAlign();
        long start = layout.dataOffset() + framesRead * blockAlign;
        buffer.clear().limit(frames * blockAlign);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, start + buffer.position()) < 0) {
                if (layout.untilEnd()) {
                    break; // a partial frame at the end is left out
                }
                throw new AudioFormatException(file, "truncated: the file ended at byte "
                        + (start + buffer.position()) + " while reading the data chunk");
            }
        }
        int got = buffer.position() / blockAlign;
        buffer.flip().limit(got * blockAlign);
        return got;
    }

    private AudioFormatException nonFinite(int interleavedIndex) {
        WavFormat format = layout.format();
        int channels = format.channels();
        long frame = framesRead + interleavedIndex / channels;
        int channel = interleavedIndex % channels;
        ByteBuffer raw = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int at = interleavedIndex * format.encoding().bytes();
        double value = format.encoding() == SampleEncoding.FLOAT64 ? raw.getDouble(at) : raw.getFloat(at);
        String what = Double.isNaN(value) ? "NaN" : Double.isInfinite(value) ? "infinite (" + value + ")"
                : "out of float range (" + value + ")";
        return new AudioFormatException(file, String.format(Locale.ROOT,
                "sample is %s at frame %d, channel %d (%.6f s)",
                what, frame, channel, frame / (double) format.sampleRate()));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
