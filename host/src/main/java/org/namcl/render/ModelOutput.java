package org.namcl.render;

import java.io.IOException;
import java.nio.file.Path;
import org.namcl.audio.Resampler;
import org.namcl.audio.WavChunk;
import org.namcl.audio.WavFormat;
import org.namcl.audio.WavWriter;
import org.namcl.engine.SignalSink;

/**
 * A model's output on its way into a WAV file: resampled back to the file's rate when the rates
 * differ, cut to the wanted length (the input's, plus the tail), output gain applied. The file is
 * opened on the first write and appears under its name only at {@link #commit}.
 */
final class ModelOutput implements SignalSink {
    private final Path output;
    private final Destination destination;
    private final WavFormat format;
    private final WavChunk record;
    private final float gain;
    private final Resampler[] fromModel;
    /** Frames the output has; -1 until known (a stream's input ends). */
    private long target;
    private float[][] fileRate;
    private final float[][] scaled;
    private WavWriter writer;
    private final LevelMeter meter = new LevelMeter();
    private long written;
    private boolean closed;

    /**
     * @param target frames the output has: the input's plus the tail; -1 while the input's length
     *               is not known (a stream, never resampled: the engine writes one frame per input frame)
     * @param record how the output is made, written into it
     */
    ModelOutput(Path output, Destination destination, WavFormat format, float gain, int modelRate, long target,
                WavChunk record) {
        this.output = output;
        this.destination = destination;
        this.record = record;
        this.format = format;
        this.gain = gain;
        this.target = target;
        int channels = format.channels();
        this.fromModel = Resampler.perChannel(channels, modelRate, format.sampleRate());
        if (target < 0 && fromModel != null) {
            throw new IllegalArgumentException("an output of unknown length cannot be resampled");
        }
        this.fileRate = new float[channels][0];
        this.scaled = new float[channels][0];
    }

    Path path() {
        return output;
    }

    /** The output's length, once the input's is known (a stream's, at its end). */
    synchronized void length(long frames) {
        target = frames;
    }

    @Override
    public synchronized void write(float[][] src, int off, int n) throws IOException {
        if (fromModel == null) {
            emit(src, off, n);
            return;
        }
        int k = -1;
        for (int c = 0; c < fromModel.length; c++) {
            fileRate[c] = ModelInput.ensure(fileRate[c], fromModel[c].maxOutput(n));
            k = fromModel[c].process(src[c], off, n, fileRate[c], 0);
        }
        emit(fileRate, 0, k);
    }

    /** Writes what the resamplers still hold, checks the length and puts the file in place. */
    synchronized PairResult commit(long inputFrames) throws IOException {
        if (fromModel != null) {
            int k = -1;
            for (int c = 0; c < fromModel.length; c++) {
                fileRate[c] = ModelInput.ensure(fileRate[c], fromModel[c].pendingOutput());
                k = fromModel[c].flush(fileRate[c], 0);
            }
            emit(fileRate, 0, k);
        }
        if (written != target) {
            throw new IllegalStateException("rendered " + written + " frames of " + target);
        }
        open();
        writer.commit();
        closed = true;
        return new PairResult(target, format.channels(), inputFrames, format.sampleRate(), writer.clippedSamples(),
                meter.levels());
    }

    /** Removes the temporary file, if any; the output stays as it was. Never throws. */
    synchronized void abandon() {
        closed = true;
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException | RuntimeException e) {
                // a leftover hidden temporary file is all that can remain
            }
        }
    }

    private void emit(float[][] src, int off, int k) throws IOException {
        int m = target < 0 ? k : (int) Math.min(k, target - written);
        if (m <= 0) {
            return;
        }
        open();
        if (gain != 1f) {
            // into a buffer of our own: the engine's may be read again
            for (int c = 0; c < src.length; c++) {
                scaled[c] = ModelInput.ensure(scaled[c], m);
                for (int i = 0; i < m; i++) {
                    scaled[c][i] = src[c][off + i] * gain;
                }
            }
            src = scaled;
            off = 0;
        }
        meter.add(src, off, m);
        writer.write(src, off, m);
        written += m;
    }

    private void open() throws IOException {
        if (closed) {
            throw new IOException(output + ": the output was abandoned");
        }
        if (writer == null) {
            writer = destination.open(output, format, record);
        }
    }
}
