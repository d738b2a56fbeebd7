package org.namcl.audio;

import java.nio.ByteBuffer;

/**
 * Converts little-endian interleaved WAV samples to and from deinterleaved floats.
 * PCM maps an integer v of b bits to v / 2^(b-1), so the most negative value is exactly -1.0.
 */
final class SampleCodec {

    private SampleCodec() {
    }

    /**
     * Decodes {@code frames} frames from {@code src} (little-endian, at its position, which it
     * advances past them) into {@code dst[c][offset..]} for c below {@code channels}.
     *
     * @return the interleaved index (frame * channels + channel) of the first decoded sample that
     *     is not finite, or -1; such samples can only come from float encodings
     */
    static int decode(ByteBuffer src, SampleEncoding encoding, float[][] dst, int channels, int offset,
            int frames) {
        int base = src.position();
        int stride = encoding.bytes() * channels;
        // a channel at a time, the encoding chosen once: a loop per encoding with absolute reads
        // runs several times faster than a switch and a relative read per sample
        for (int c = 0; c < channels; c++) {
            decodeChannel(src, encoding, dst[c], offset, frames, base + c * encoding.bytes(), stride);
        }
        src.position(base + frames * stride);
        return encoding.isFloat() ? firstNonFinite(dst, channels, offset, frames) : -1;
    }

    private static void decodeChannel(ByteBuffer src, SampleEncoding encoding, float[] d, int offset, int frames,
            int first, int stride) {
        int at = first;
        int end = offset + frames;
        switch (encoding) {
            case PCM8 -> {
                for (int i = offset; i < end; i++, at += stride) {
                    d[i] = ((src.get(at) & 0xFF) - 128) * 0x1p-7f;
                }
            }
            case PCM16 -> {
                for (int i = offset; i < end; i++, at += stride) {
                    d[i] = src.getShort(at) * 0x1p-15f;
                }
            }
            case PCM24 -> {
                for (int i = offset; i < end; i++, at += stride) {
                    // the top byte sign-extends
                    d[i] = ((src.get(at + 2) << 16) | ((src.get(at + 1) & 0xFF) << 8) | (src.get(at) & 0xFF))
                            * 0x1p-23f;
                }
            }
            case PCM32 -> {
                for (int i = offset; i < end; i++, at += stride) {
                    // int -> float rounds once; the power-of-two scale is exact.
                    d[i] = ((float) src.getInt(at)) * 0x1p-31f;
                }
            }
            case FLOAT32 -> {
                for (int i = offset; i < end; i++, at += stride) {
                    d[i] = src.getFloat(at);
                }
            }
            case FLOAT64 -> {
                for (int i = offset; i < end; i++, at += stride) {
                    d[i] = (float) src.getDouble(at);
                }
            }
            default -> throw new AssertionError(encoding);
        }
    }

    /**
     * The interleaved index (frame * channels + channel) of the first sample of
     * {@code rows[c][offset..offset+frames)} that is not finite, or -1.
     */
    static int firstNonFinite(float[][] rows, int channels, int offset, int frames) {
        // the largest |x| is finite only when every x is (Math.max keeps a NaN): a loop HotSpot
        // vectorises finds whether to look, four times as fast as testing sample by sample
        float largest = 0f;
        for (int c = 0; c < channels; c++) {
            float[] r = rows[c];
            for (int i = offset; i < offset + frames; i++) {
                largest = Math.max(largest, Math.abs(r[i]));
            }
        }
        if (largest <= Float.MAX_VALUE) {
            return -1;
        }
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                if (!Float.isFinite(rows[c][offset + f])) {
                    return f * channels + c;
                }
            }
        }
        throw new AssertionError("a non-finite maximum of finite samples");
    }

    /**
     * Encodes {@code frames} frames of {@code src[c][offset..]}, c below {@code channels}, into
     * {@code dst} (little-endian, interleaved, at its position, which it advances past them). PCM
     * rounds x * 2^(b-1) to nearest and clips to the integer range; floats are stored as they
     * are. The caller guarantees every sample is finite.
     *
     * @return how many samples were clipped
     */
    static int encode(float[][] src, int channels, int offset, int frames, SampleEncoding encoding,
            ByteBuffer dst) {
        int base = dst.position();
        int stride = encoding.bytes() * channels;
        int clipped = 0;
        for (int c = 0; c < channels; c++) {
            clipped += encodeChannel(src[c], offset, frames, encoding, dst, base + c * encoding.bytes(), stride);
        }
        dst.position(base + frames * stride);
        return clipped;
    }

    private static int encodeChannel(float[] s, int offset, int frames, SampleEncoding encoding, ByteBuffer dst,
            int first, int stride) {
        int at = first;
        int end = offset + frames;
        switch (encoding) {
            case FLOAT32 -> {
                for (int i = offset; i < end; i++, at += stride) {
                    dst.putFloat(at, s[i]);
                }
                return 0;
            }
            case FLOAT64 -> {
                for (int i = offset; i < end; i++, at += stride) {
                    dst.putDouble(at, s[i]);
                }
                return 0;
            }
            default -> {
                int bits = encoding.bits();
                long max = (1L << (bits - 1)) - 1;
                int clipped = 0;
                for (int i = offset; i < end; i++, at += stride) {
                    long v = quantize(s[i], bits);
                    if (v > max || v < -max - 1) {
                        clipped++;
                        v = Math.max(-max - 1, Math.min(max, v));
                    }
                    putPcm(dst, at, v, encoding);
                }
                return clipped;
            }
        }
    }

    private static long quantize(float x, int bits) {
        // x * 2^(bits-1) is exact in double for every float and bits <= 32.
        return (long) Math.rint(x * (double) (1L << (bits - 1)));
    }

    private static void putPcm(ByteBuffer dst, int at, long v, SampleEncoding encoding) {
        switch (encoding) {
            case PCM8 -> dst.put(at, (byte) (v + 128));
            case PCM16 -> dst.putShort(at, (short) v);
            case PCM24 -> {
                dst.put(at, (byte) v);
                dst.put(at + 1, (byte) (v >> 8));
                dst.put(at + 2, (byte) (v >> 16));
            }
            case PCM32 -> dst.putInt(at, (int) v);
            default -> throw new AssertionError(encoding);
        }
    }
}
