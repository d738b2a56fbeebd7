package org.namcl.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Walks the chunks of a RIFF/WAVE (or RF64/BW64) file to find its fmt and data chunks, which may
 * appear in any order among other chunks. Chunk bodies other than fmt and ds64 are never read.
 */
final class WavHeaderParser {

    /** Every extensible subformat GUID ends like this after its two-byte format tag. */
    private static final byte[] GUID_SUFFIX = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00,
        0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};
    private static final int TAG_EXTENSIBLE = 0xFFFE;
    /** RF64 puts this in 32-bit size fields whose real value is in the ds64 chunk. */
    private static final long SIZE_IN_DS64 = 0xFFFFFFFFL;
    /**
     * Chunks walked at most to find fmt and data: real files have a handful, and a file of
     * millions of empty chunks would otherwise take one read each.
     */
    static final int MAX_CHUNKS = 1024;

    private final ByteInput channel;
    private final Path file;
    /** Its size, or {@link ByteInput#UNKNOWN_SIZE} for a stream: the data then runs to its end. */
    private final long fileSize;

    private WavHeaderParser(ByteInput channel, Path file) throws IOException {
        this.channel = channel;
        this.file = file;
        this.fileSize = channel.size();
    }

    static WavLayout parse(ByteInput channel, Path file) throws IOException {
        return new WavHeaderParser(channel, file).parse();
    }

    private WavLayout parse() throws IOException {
        ByteBuffer riff = readUpTo(0, 12);
        if (riff.hasRemaining()) { // a file or a stream alike
            throw error("not a WAV file: only " + riff.position() + " bytes long");
        }
        riff.flip();
        String riffId = fourCc(riff);
        riff.getInt();
        String form = fourCc(riff);
        boolean rf64 = riffId.equals("RF64") || riffId.equals("BW64");
        if (!riffId.equals("RIFF") && !rf64) {
            throw error("not a WAV file: starts with '" + printable(riffId) + "' instead of 'RIFF'");
        }
        if (!form.equals("WAVE")) {
            throw error("not a WAV file: RIFF form type is '" + printable(form) + "' instead of 'WAVE'");
        }

        WavFormat format = null;
        long dataOffset = -1;
        long dataBytes = 0;
        long ds64DataBytes = -1;
        long pos = 12;
        int chunks = 0;
        while (pos + 8 <= fileSize && (format == null || dataOffset < 0)) {
            if (++chunks > MAX_CHUNKS) {
                throw error("more than " + MAX_CHUNKS + " chunks before the fmt and data chunks");
            }
            ByteBuffer header = readUpTo(pos, 8);
            if (header.hasRemaining()) {
                break; // a stream that ends here: no further chunk, as at a file's end
            }
            header.flip();
            String id = fourCc(header);
            long size = Integer.toUnsignedLong(header.getInt());
            long body = pos + 8;
            switch (id) {
                case "ds64" -> {
                    if (rf64) {
                        ds64DataBytes = parseDs64(body, size);
                    }
                }
                case "fmt " -> {
                    if (format == null) {
                        format = parseFmt(body, size);
                    }
                }
                case "data" -> {
                    if (format == null && fileSize == ByteInput.UNKNOWN_SIZE) {
                        throw error("the data chunk comes before the fmt chunk: a WAV stream needs its fmt chunk "
                                + "before its data chunk (it is read once, in order)");
                    }
                    if (dataOffset < 0) {
                        dataOffset = body;
                        dataBytes = rf64 && size == SIZE_IN_DS64 ? ds64DataBytes : size;
                        if (dataBytes < 0) {
                            throw error("RF64 data chunk size is in a ds64 chunk, but none precedes it");
                        }
                        size = dataBytes;
                    }
                }
                default -> {
                    // LIST, fact, JUNK, bext, cue, ... carry nothing needed to decode samples.
                }
            }
            // chunks are padded to an even length; one that claims more than the file holds ends the walk
            pos = size > fileSize - body ? fileSize : body + size + (size & 1);
        }

        if (format == null) {
            throw error("missing fmt chunk");
        }
        if (dataOffset < 0) {
            throw error("missing data chunk");
        }
        if (dataBytes == 0) {
            throw error("no audio samples: the data chunk is empty");
        }
        long available = Math.max(0, fileSize - dataOffset);
        boolean toEnd = unknownLength(rf64, dataBytes) && (dataBytes > available || fileSize == ByteInput.UNKNOWN_SIZE);
        if (toEnd) {
            dataBytes = available; // written to a pipe: the data runs to the end
        }
        if (dataBytes > available) {
            throw error("truncated: the data chunk declares " + dataBytes + " bytes but only "
                    + available + " bytes follow it");
        }
        WavLayout layout = new WavLayout(format, dataOffset, dataBytes,
                toEnd && fileSize == ByteInput.UNKNOWN_SIZE);
        if (layout.frames() == 0) {
            throw error("no audio samples: the data chunk holds " + dataBytes
                    + " bytes, less than one " + format.blockAlign() + "-byte frame");
        }
        return layout;
    }

    /**
     * Whether a data size is one a writer that could not seek back put there for "unknown": sox's
     * 0x7ffff000, or all ones (ffmpeg and others; in RF64 that means the ds64 size instead).
     */
    private static boolean unknownLength(boolean rf64, long dataBytes) {
        return dataBytes == WavHeaderWriter.UNKNOWN_DATA_BYTES || !rf64 && dataBytes == SIZE_IN_DS64;
    }

    private long parseDs64(long body, long size) throws IOException {
        if (size < 24 || body + 24 > fileSize) {
            throw error("ds64 chunk too short");
        }
        ByteBuffer ds64 = read(body, 24);
        ds64.getLong(); // RIFF size: not needed, the data chunk is located by walking
        long dataBytes = ds64.getLong();
        if (dataBytes < 0) {
            throw error("ds64 chunk declares an impossible data size");
        }
        return dataBytes;
    }

    private WavFormat parseFmt(long body, long size) throws IOException {
        if (size < 16) {
            throw error("fmt chunk too short: " + size + " bytes, need at least 16");
        }
        int readable = (int) Math.min(size, 40);
        if (body + readable > fileSize) {
            throw error("truncated inside the fmt chunk");
        }
        ByteBuffer fmt = read(body, readable);
        int tag = Short.toUnsignedInt(fmt.getShort());
        int channels = Short.toUnsignedInt(fmt.getShort());
        long sampleRate = Integer.toUnsignedLong(fmt.getInt());
        fmt.getInt(); // byte rate: derived, not trusted
        int blockAlign = Short.toUnsignedInt(fmt.getShort());
        int bits = Short.toUnsignedInt(fmt.getShort());

        int effectiveTag = tag;
        if (tag == TAG_EXTENSIBLE) {
            if (readable < 40) {
                throw error("WAVE_FORMAT_EXTENSIBLE fmt chunk too short: " + size + " bytes, need 40");
            }
            fmt.position(24); // skip cbSize, valid bits and channel mask
            effectiveTag = Short.toUnsignedInt(fmt.getShort());
            byte[] suffix = new byte[GUID_SUFFIX.length];
            fmt.get(suffix);
            if (!Arrays.equals(suffix, GUID_SUFFIX)) {
                throw error("unsupported encoding: WAVE_FORMAT_EXTENSIBLE with an unknown subformat GUID");
            }
        }
        if (channels == 0) {
            throw error("fmt chunk declares 0 channels");
        }
        if (sampleRate == 0 || sampleRate > Integer.MAX_VALUE) {
            throw error("fmt chunk declares an invalid sample rate of " + sampleRate + " Hz");
        }
        SampleEncoding encoding = SampleEncoding.of(effectiveTag, bits);
        if (encoding == null) {
            throw error("unsupported encoding: " + describe(effectiveTag, bits, tag == TAG_EXTENSIBLE));
        }
        int expectedAlign = channels * encoding.bytes();
        if (blockAlign != expectedAlign) {
            throw error("unsupported block alignment: " + blockAlign + " bytes per frame for "
                    + channels + " channels of " + bits + "-bit samples (expected " + expectedAlign + ")");
        }
        return new WavFormat(channels, (int) sampleRate, encoding);
    }

    private static String describe(int tag, int bits, boolean extensible) {
        String name = switch (tag) {
            case SampleEncoding.TAG_PCM -> bits + "-bit PCM";
            case SampleEncoding.TAG_IEEE_FLOAT -> bits + "-bit IEEE float";
            case 0x0002 -> "Microsoft ADPCM";
            case 0x0006 -> "A-law";
            case 0x0007 -> "mu-law";
            case 0x0011 -> "IMA ADPCM";
            case 0x0031 -> "GSM 6.10";
            case 0x0050 -> "MPEG";
            case 0x0055 -> "MPEG Layer 3";
            default -> "format tag 0x" + String.format("%04X", tag);
        };
        String supported = " (supported: 8/16/24/32-bit PCM, 32/64-bit IEEE float)";
        return (extensible ? "WAVE_FORMAT_EXTENSIBLE " : "") + name + supported;
    }

    private ByteBuffer read(long position, int length) throws IOException {
        ByteBuffer buffer = readUpTo(position, length);
        if (buffer.hasRemaining()) {
            throw error("unexpected end of file at byte " + (position + buffer.position()));
        }
        return buffer.flip();
    }

    /** Up to {@code length} bytes at {@code position}, fewer where the input ends; not flipped. */
    private ByteBuffer readUpTo(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) >= 0) {
            // read on until full or at the end
        }
        return buffer;
    }

    private static String fourCc(ByteBuffer buffer) {
        byte[] id = new byte[4];
        buffer.get(id);
        return new String(id, StandardCharsets.ISO_8859_1);
    }

    private static String printable(String fourCc) {
        StringBuilder sb = new StringBuilder();
        for (char c : fourCc.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return sb.toString();
    }

    private AudioFormatException error(String problem) {
        return new AudioFormatException(file, problem);
    }
}
