package org.namcl.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Builds WAV files byte by byte, independently of {@link WavWriter}, so the reader is tested
 * against files laid out exactly as a test wants them.
 */
public final class WavBytes {

    public static final int TAG_PCM = 1;
    public static final int TAG_FLOAT = 3;
    public static final int TAG_EXTENSIBLE = 0xFFFE;

    private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();
    private String riffId = "RIFF";
    private String formType = "WAVE";

    public WavBytes riffId(String id) {
        riffId = id;
        return this;
    }

    public WavBytes formType(String type) {
        formType = type;
        return this;
    }

    /** A plain WAVEFORMAT (16-byte) fmt chunk with a consistent block alignment. */
    public WavBytes fmt(int tag, int channels, int rate, int bits) {
        return fmt(tag, channels, rate, channels * bits / 8, bits);
    }

    public WavBytes fmt(int tag, int channels, int rate, int blockAlign, int bits) {
        return chunk("fmt ", fmtBody(tag, channels, rate, blockAlign, bits).array());
    }

    /** A 40-byte WAVE_FORMAT_EXTENSIBLE fmt chunk whose subformat GUID starts with subTag. */
    public WavBytes fmtExtensible(int channels, int rate, int bits, int subTag) {
        return fmtExtensible(channels, rate, bits, subTag, guidSuffix());
    }

    public WavBytes fmtExtensible(int channels, int rate, int bits, int subTag, byte[] guidSuffix) {
        ByteBuffer body = le(40);
        body.put(fmtBody(TAG_EXTENSIBLE, channels, rate, channels * bits / 8, bits).array());
        body.putShort((short) 22).putShort((short) bits).putInt(0);
        body.putShort((short) subTag).put(guidSuffix);
        return chunk("fmt ", body.array());
    }

    public static byte[] guidSuffix() {
        return new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71};
    }

    private static ByteBuffer fmtBody(int tag, int channels, int rate, int blockAlign, int bits) {
        ByteBuffer body = le(16);
        body.putShort((short) tag).putShort((short) channels).putInt(rate)
                .putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits);
        return body;
    }

    /** Any chunk, padded with a zero byte when its size is odd. */
    public WavBytes chunk(String id, byte[] body) {
        return chunk(id, body.length, body);
    }

    /** A chunk whose size field says {@code declaredSize}, whatever the body really holds. */
    public WavBytes chunk(String id, long declaredSize, byte[] body) {
        chunks.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        chunks.writeBytes(le(4).putInt((int) declaredSize).array());
        chunks.writeBytes(body);
        if (body.length % 2 != 0) {
            chunks.write(0);
        }
        return this;
    }

    public WavBytes data(byte[] samples) {
        return chunk("data", samples);
    }

    public byte[] build() {
        ByteBuffer header = le(12);
        header.put(riffId.getBytes(StandardCharsets.US_ASCII));
        header.putInt(4 + chunks.size());
        header.put(formType.getBytes(StandardCharsets.US_ASCII));
        byte[] all = Arrays.copyOf(header.array(), 12 + chunks.size());
        System.arraycopy(chunks.toByteArray(), 0, all, 12, chunks.size());
        return all;
    }

    public Path writeTo(Path file) throws IOException {
        return Files.write(file, build());
    }

    public static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    public static byte[] pcm16(int... values) {
        ByteBuffer b = le(values.length * 2);
        for (int v : values) {
            b.putShort((short) v);
        }
        return b.array();
    }

    public static byte[] pcm24(int... values) {
        ByteBuffer b = le(values.length * 3);
        for (int v : values) {
            b.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
        }
        return b.array();
    }

    public static byte[] float32(float... values) {
        ByteBuffer b = le(values.length * 4);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    public static byte[] float64(double... values) {
        ByteBuffer b = le(values.length * 8);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }
}
