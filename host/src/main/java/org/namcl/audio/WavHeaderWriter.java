package org.namcl.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * Lays out the header of a WAV file written by {@link WavWriter} and patches its size fields once
 * the data length is known. PCM with more than 2 channels or more than 16 bits, and float with
 * more than 2 channels, use WAVE_FORMAT_EXTENSIBLE as Microsoft's WAVE documentation recommends;
 * float files carry the fact chunk that non-PCM formats require. An extra chunk (namcl's record of
 * how the output was made) goes before the data, so it is read without reading the samples.
 */
final class WavHeaderWriter {

    private static final int TAG_EXTENSIBLE = 0xFFFE;
    private static final byte[] GUID_SUFFIX = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00,
        0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};
    private static final int SPEAKER_FRONT_CENTER = 0x4;
    private static final int SPEAKERS_FRONT_LEFT_RIGHT = 0x3;

    /** The data size sox writes when it cannot seek back to fill in the real one. */
    static final long UNKNOWN_DATA_BYTES = 0x7ffff000L;

    private final WavFormat format;
    private final ByteBuffer header;
    private final int factSizeOffset;
    private final int dataSizeOffset;

    /**
     * @param extra a chunk to write between the format and the data (null for none)
     */
    WavHeaderWriter(WavFormat format, WavChunk extra) {
        this.format = format;
        SampleEncoding encoding = format.encoding();
        boolean extensible = format.channels() > 2 || (!encoding.isFloat() && encoding.bits() > 16);
        int fmtSize = extensible ? 40 : encoding.isFloat() ? 18 : 16;
        int size = 12 + 8 + fmtSize + (encoding.isFloat() ? 12 : 0) + (extra == null ? 0 : extra.fileBytes()) + 8;
        header = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);

        putId("RIFF");
        header.putInt(0); // patched on commit
        putId("WAVE");

        putId("fmt ");
        header.putInt(fmtSize);
        header.putShort((short) (extensible ? TAG_EXTENSIBLE : encoding.formatTag()));
        header.putShort((short) format.channels());
        header.putInt(format.sampleRate());
        header.putInt((int) format.byteRate());
        header.putShort((short) format.blockAlign());
        header.putShort((short) encoding.bits());
        if (extensible) {
            header.putShort((short) 22);
            header.putShort((short) encoding.bits()); // valid bits: the whole container
            header.putInt(channelMask(format.channels()));
            header.putShort((short) encoding.formatTag());
            header.put(GUID_SUFFIX);
        } else if (encoding.isFloat()) {
            header.putShort((short) 0);
        }

        if (encoding.isFloat()) {
            putId("fact");
            header.putInt(4);
            factSizeOffset = header.position();
            header.putInt(0); // frame count, patched on commit
        } else {
            factSizeOffset = -1;
        }

        if (extra != null) {
            putId(extra.id());
            header.putInt(extra.data().length);
            header.put(extra.data());
            if ((extra.data().length & 1) != 0) {
                header.put((byte) 0);
            }
        }

        putId("data");
        dataSizeOffset = header.position();
        header.putInt(0); // patched on commit
        header.flip();
    }

    /** Mono and stereo have a conventional layout; wider files keep theirs unspecified (0). */
    private static int channelMask(int channels) {
        return switch (channels) {
            case 1 -> SPEAKER_FRONT_CENTER;
            case 2 -> SPEAKERS_FRONT_LEFT_RIGHT;
            default -> 0;
        };
    }

    private void putId(String id) {
        header.put(id.getBytes(StandardCharsets.US_ASCII));
    }

    /** Bytes before the first sample. */
    int length() {
        return header.limit();
    }

    /** The header with zero sizes, to reserve its place at the start of the file. */
    ByteBuffer placeholder() {
        return header.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * The header of a stream whose length is unknown when it starts (standard output): the size
     * fields sox writes then, a data chunk of 0x7ffff000 bytes (with the RIFF size and fact frame
     * count that follow from it), which readers of a pipe read to its end.
     */
    ByteBuffer unknownLength() {
        ByteBuffer h = placeholder();
        h.putInt(4, (int) (UNKNOWN_DATA_BYTES + length() - 8));
        if (factSizeOffset >= 0) {
            h.putInt(factSizeOffset, (int) (UNKNOWN_DATA_BYTES / format.blockAlign()));
        }
        h.putInt(dataSizeOffset, (int) UNKNOWN_DATA_BYTES);
        return h;
    }

    /** Writes the final RIFF, fact and data sizes; {@code dataBytes} excludes the pad byte. */
    void patchSizes(FileChannel channel, long dataBytes, long frames) throws IOException {
        long riffSize = length() - 8 + dataBytes + (dataBytes & 1);
        patch(channel, 4, riffSize);
        if (factSizeOffset >= 0) {
            patch(channel, factSizeOffset, frames);
        }
        patch(channel, dataSizeOffset, dataBytes);
    }

    /** Largest data chunk whose RIFF size (with pad byte) still fits the 32-bit field. */
    long maxDataBytes() {
        return 0xFFFFFFFFL - (length() - 8) - 1;
    }

    private static void patch(FileChannel channel, long position, long value) throws IOException {
        ByteBuffer field = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).flip();
        while (field.hasRemaining()) {
            channel.write(field, position + field.position());
        }
    }
}
