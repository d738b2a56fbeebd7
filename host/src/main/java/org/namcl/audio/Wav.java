package org.namcl.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A whole WAV file in memory: its format and one array of samples per channel (full scale is
 * 1.0). For files that fit in memory; {@link WavReader} and {@link WavWriter} stream any length.
 *
 * @param channels one array per channel, all of the same length
 */
public record Wav(WavFormat format, float[][] channels) {

    /**
     * Checks that there is one array per channel, all of the same length.
     *
     * @param format the file's format
     * @param channels one array per channel
     */
    public Wav {
        if (channels.length != format.channels()) {
            throw new IllegalArgumentException(channels.length + " arrays for " + format.channels() + " channels");
        }
        for (float[] c : channels) {
            if (c.length != channels[0].length) {
                throw new IllegalArgumentException("channels of different lengths");
            }
        }
    }

    /**
     * One channel's samples.
     *
     * @param c the channel, from 0
     * @return its samples (the array itself, not a copy)
     */
    public float[] channel(int c) {
        return channels[c];
    }

    /**
     * The length.
     *
     * @return frames (samples per channel)
     */
    public int frames() {
        return channels.length == 0 ? 0 : channels[0].length;
    }

    /**
     * Reads a whole file.
     *
     * @param file the WAV file
     * @return its format and samples
     * @throws AudioFormatException naming the file when it is not a WAV file namcl reads, or has
     *     more frames than an array holds
     */
    public static Wav read(Path file) throws IOException {
        try (WavReader r = WavReader.open(file)) {
            if (r.frames() > Integer.MAX_VALUE - 8) {
                throw new AudioFormatException(file, r.frames() + " frames are too many to read whole; stream it "
                        + "with WavReader");
            }
            int n = (int) r.frames();
            float[][] ch = new float[r.format().channels()][n];
            for (int done = 0, k; done < n && (k = r.read(ch, done, n - done)) > 0; ) {
                done += k;
            }
            return new Wav(r.format(), ch);
        }
    }

    /**
     * Writes {@code channels} (one array each) as a WAV file: to a temporary file renamed into
     * place, so {@code file} is whole or as it was. PCM encodings clip samples beyond full scale.
     *
     * @param file where to write it (its folder is created if need be)
     * @param sampleRate in Hz
     * @param encoding the sample encoding
     * @param channels one array per channel, all of the same length
     * @return {@code file}
     * @throws IOException naming the file when it cannot be written
     */
    public static Path write(Path file, int sampleRate, SampleEncoding encoding, float[]... channels)
            throws IOException {
        Wav wav = new Wav(new WavFormat(channels.length, sampleRate, encoding), channels);
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        try (WavWriter w = WavWriter.create(file, wav.format())) {
            w.write(channels, 0, wav.frames());
            w.commit();
        }
        return file;
    }

    /**
     * As {@link #write(Path, int, SampleEncoding, float[]...)}, in 32-bit float.
     *
     * @param file where to write it
     * @param sampleRate in Hz
     * @param channels one array per channel, all of the same length
     * @return {@code file}
     * @throws IOException naming the file when it cannot be written
     */
    public static Path write(Path file, int sampleRate, float[]... channels) throws IOException {
        return write(file, sampleRate, SampleEncoding.FLOAT32, channels);
    }
}
