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
     * Decodes {@code frames} frames from {@code src} (little-endian, at its position) into
     * {@code dst[c][offset..]} for c below {@code channels}.
     *
     * @return the interleaved index (frame * channels + channel) of the first decoded sample that
     *     is not finite, or -1; such samples can only come from float encodings
     */
    static int decode(ByteBuffer src, SampleEncoding encoding, float[][] dst, int channels, int offset,
            int frames) {
        int firstBad = -1;
        for (int f = 0; f < frames; f++) {
            int i = offset + f;
            for (int c = 0; c < channels; c++) {
                float v = decodeOne(src, encoding);
                if (firstBad < 0 && !Float.isFinite(v)) {
                    firstBad = f * channels + c;
                }
                dst[c][i] = v;
            }
        }
        return firstBad;
    }

    private static float decodeOne(ByteBuffer src, SampleEncoding encoding) {
        switch (encoding) {
            case PCM8:
                return ((src.get() & 0xFF) - 128) * 0x1p-7f;
            case PCM16:
                return src.getShort() * 0x1p-15f;
            case PCM24: {
                int lo = src.get() & 0xFF;
                int mid = src.get() & 0xFF;
                int hi = src.get(); // sign-extends the top byte
                return ((hi << 16) | (mid << 8) | lo) * 0x1p-23f;
            }
            case PCM32:
                // int -> float rounds once; the power-of-two scale is exact.
                return ((float) src.getInt()) * 0x1p-31f;
            case FLOAT32:
                return src.getFloat();
            case FLOAT64:
                return (float) src.getDouble();
            default:
                throw new AssertionError(encoding);
        }
    }

    /**
     * Encodes {@code frames} frames of {@code src[c][offset..]}, c below {@code channels}, into
     * {@code dst} (little-endian, interleaved). PCM rounds x * 2^(b-1) to nearest and clips to the
     * integer range; floats are stored as they are. The caller guarantees every sample is finite.
     *
     * @return how many samples were clipped
     */
    static int encode(float[][] src, int channels, int offset, int frames, SampleEncoding encoding,
            ByteBuffer dst) {
        int clipped = 0;
        for (int f = 0; f < frames; f++) {
            int i = offset + f;
            for (int c = 0; c < channels; c++) {
                float x = src[c][i];
                switch (encoding) {
                    case FLOAT32 -> dst.putFloat(x);
                    case FLOAT64 -> dst.putDouble(x);
                    default -> {
                        long v = quantize(x, encoding.bits());
                        long max = (1L << (encoding.bits() - 1)) - 1;
                        if (v > max || v < -max - 1) {
                            clipped++;
                            v = Math.max(-max - 1, Math.min(max, v));
                        }
                        putPcm(dst, v, encoding);
                    }
                }
            }
        }
        return clipped;
    }

    private static long quantize(float x, int bits) {
        // x * 2^(bits-1) is exact in double for every float and bits <= 32.
        return (long) Math.rint(x * (double) (1L << (bits - 1)));
    }

    private static void putPcm(ByteBuffer dst, long v, SampleEncoding encoding) {
        switch (encoding) {
            case PCM8 -> dst.put((byte) (v + 128));
            case PCM16 -> dst.putShort((short) v);
            case PCM24 -> {
                dst.put((byte) v);
                dst.put((byte) (v >> 8));
                dst.put((byte) (v >> 16));
            }
            case PCM32 -> dst.putInt((int) v);
            default -> throw new AssertionError(encoding);
        }
    }
}
