package org.namcl.render;

import java.io.IOException;
import java.util.Arrays;
import org.namcl.audio.Resampler;
import org.namcl.audio.WavReader;

/**
 * A WAV file as a model hears it: read block by block, downmixed when asked, input gain applied,
 * {@code tail} frames of silence appended, and resampled to the model's rate when the rates
 * differ. Closes the file when it ends; memory stays bounded however long the file.
 */
final class ModelInput implements InputSource {
    /** Frames read from the file at a time, at most. */
    static final int BLOCK = 1 << 16;
    /** Samples (frames times channels) read at a time, at most: a file of many channels reads fewer frames. */
    static final int BLOCK_SAMPLES = 1 << 17;

    private final WavReader reader;
    private final int channels;
    private final float gain;
    private final Resampler[] toModel;
    private final float[][] file;
    private final int block;
    private long tailLeft;
    /** Model-rate frames ready, [pendingFrom, pendingTo) of {@code pending}. */
    private float[][] pending;
    private int pendingFrom;
    private int pendingTo;
    private boolean ended;

    ModelInput(WavReader reader, boolean mixMono, float gain, long tailFrames, int modelRate) {
        this.reader = reader;
        int fileChannels = reader.format().channels();
        this.channels = mixMono ? 1 : fileChannels;
        this.gain = gain;
        this.tailLeft = tailFrames;
        this.block = Math.max(1, Math.min(BLOCK, BLOCK_SAMPLES / fileChannels));
        this.file = new float[fileChannels][block];
        int fileRate = reader.format().sampleRate();
        this.toModel = Resampler.perChannel(channels, fileRate, modelRate);
        this.pending = new float[channels][0];
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int read(float[][] dst, int off, int n) throws IOException {
        while (pendingFrom == pendingTo && !ended) {
            fill();
        }
        int m = Math.min(n, pendingTo - pendingFrom);
        for (int c = 0; c < channels; c++) {
            System.arraycopy(pending[c], pendingFrom, dst[c], off, m);
        }
        pendingFrom += m;
        return m;
    }

    /** Reads the next file block (or tail, or the resamplers' last samples) into {@code pending}. */
    private void fill() throws IOException {
        int n = reader.read(file, 0, block);
        if (n == 0 && tailLeft > 0) {
            n = (int) Math.min(block, tailLeft);
            tailLeft -= n;
            for (int c = 0; c < channels; c++) {
                Arrays.fill(file[c], 0, n, 0f);
            }
        } else if (n > 0) {
            prepare(n);
        }
        if (n == 0) {
            ended = true;
            reader.close();
            flushResamplers();
            return;
        }
        if (toModel == null) {
            pending = file;
            pendingFrom = 0;
            pendingTo = n;
            return;
        }
        int k = -1;
        for (int c = 0; c < channels; c++) {
            pending[c] = ensure(pending[c], toModel[c].maxOutput(n));
            k = toModel[c].process(file[c], 0, n, pending[c], 0);
        }
        pendingFrom = 0;
        pendingTo = k;
    }

    private void flushResamplers() {
        pendingFrom = 0;
        pendingTo = 0;
        if (toModel == null) {
            return;
        }
        for (int c = 0; c < channels; c++) {
            pending[c] = ensure(pending[c], toModel[c].pendingOutput());
            pendingTo = toModel[c].flush(pending[c], 0);
        }
    }

    /** Downmixes into channel 0 when asked and applies the input gain, in place. */
    private void prepare(int n) {
        if (channels != file.length) {
            float[] mono = file[0];
            for (int i = 0; i < n; i++) {
                float s = 0;
                for (float[] ch : file) {
                    s += ch[i];
                }
                mono[i] = s / file.length;
            }
        }
        if (gain != 1f) {
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < n; i++) {
                    file[c][i] *= gain;
                }
            }
        }
    }

    static float[] ensure(float[] a, int n) {
        return a.length >= n ? a : Arrays.copyOf(a, n);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
