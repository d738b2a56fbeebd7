package org.namcl.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.namcl.audio.WavFormat;
import org.namcl.audio.WavReader;
import org.namcl.audio.WavWriter;
import org.namcl.engine.Engine;
import org.namcl.model.net.WaveNet;

/**
 * Renders one WAV file through one model into one output file, block by block, so memory stays
 * bounded whatever the file's length: read, input gain (and downmix), each channel through its own
 * stream of the model, output gain, write. The output appears under its name only when complete.
 */
public final class PairRenderer {
    /** Blocks span at least this many frames ... */
    static final int MIN_BLOCK = 1 << 16;
    /** ... and at most this many (4 MiB per channel buffer). */
    static final int MAX_BLOCK = 1 << 20;

    private final RenderOptions options;
    /** The file being written, so an interrupted run can remove its temporary file. */
    private volatile WavWriter active;

    public PairRenderer(RenderOptions options) {
        this.options = options;
    }

    /**
     * Renders {@code input} through {@code model} on {@code engine} into {@code output}, telling
     * {@code progress} the seconds of input done after each block.
     *
     * @throws IOException naming the file when it cannot be read or the output cannot be written
     * @throws RenderException when the file and the model do not fit (sample rates)
     */
    public PairResult render(InputFile input, LoadedModel model, Engine engine, Path output,
                             DoubleConsumer progress) throws IOException {
        try (WavReader reader = WavReader.open(input.path())) {
            WavFormat in = reader.format();
            int modelRate = modelRate(model, in.sampleRate());
            WavFormat out = new WavFormat(options.mixMono() ? 1 : in.channels(), in.sampleRate(),
                    options.format().encodingFor(in.encoding()));
            createFolder(output.getParent());
            try (WavWriter writer = WavWriter.create(output, out)) {
                active = writer;
                Stream stream = new Stream(reader, writer, out.channels(), model, engine, modelRate, progress);
                stream.run();
                writer.commit();
                return new PairResult(reader.frames(), in.channels(), in.sampleRate(), writer.clippedSamples());
            } finally {
                active = null;
            }
        }
    }

    /**
     * The model-rate signal each output channel of the pair feeds the model (after mixing, input
     * gain and resampling), found by a dry pass that writes nothing: what a packing engine renders
     * ahead of time for {@link PlaybackEngine}.
     */
    public List<float[]> modelInputs(InputFile input, LoadedModel model) throws IOException {
        try (WavReader reader = WavReader.open(input.path())) {
            int channels = options.mixMono() ? 1 : reader.format().channels();
            RecordingEngine recorder = new RecordingEngine();
            new Stream(reader, null, channels, model, recorder, modelRate(model, reader.format().sampleRate()),
                    seconds -> { }).run();
            return recorder.signals();
        }
    }

    /** Deletes the temporary file of the output being written, if any: for an interrupted run. */
    public void abandon() {
        WavWriter w = active;
        if (w != null) {
            try {
                w.close();
            } catch (IOException | RuntimeException e) {
                // the run is ending anyway; a leftover hidden .partial file is all that can remain
            }
        }
    }

    /** The rate the model runs at for a file at {@code fileRate}, or why the pair cannot render. */
    private int modelRate(LoadedModel model, int fileRate) {
        double rate = model.net().sampleRate();
        if (rate == fileRate) {
            return fileRate;
        }
        if (!options.resample()) {
            throw new RenderException("the file's sample rate (" + fileRate + " Hz) differs from the model's ("
                    + LoadedModel.rate(rate) + "); use --resample to convert");
        }
        if (rate != Math.rint(rate) || rate > Integer.MAX_VALUE) {
            throw new RenderException("cannot resample to the model's rate of " + LoadedModel.rate(rate)
                    + ": not a whole number of Hz");
        }
        return (int) rate;
    }

    private static void createFolder(Path folder) throws IOException {
        if (folder == null) {
            return;
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IOException("cannot create output folder " + folder + ": " + Problems.describe(e), e);
        }
    }

    /** Frames per block: enough that the CPU engine's chunks (16 RF per thread) are worth their halo. */
    private int blockFrames(WaveNet net) {
        if (options.blockFrames() > 0) {
            return options.blockFrames();
        }
        long wanted = 16L * net.receptiveField() * options.threads();
        return (int) Math.max(MIN_BLOCK, Math.min(MAX_BLOCK, wanted));
    }

    /** One file's way through: the channel pipelines and the frame counts. */
    private final class Stream {
        private final WavReader reader;
        /** null for a dry pass */
        private final WavWriter writer;
        private final int channels;
        private final LoadedModel model;
        private final Engine engine;
        private final int modelRate;
        private final DoubleConsumer progress;
        private final float inputGain;
        private final float outputGain;
        /** Output frames wanted: the input's, plus the tail. */
        private final long target;
        private long written;

        Stream(WavReader reader, WavWriter writer, int channels, LoadedModel model, Engine engine, int modelRate,
               DoubleConsumer progress) {
            this.reader = reader;
            this.writer = writer;
            this.channels = channels;
            this.model = model;
            this.engine = engine;
            this.modelRate = modelRate;
            this.progress = progress;
            this.inputGain = RenderOptions.linear(options.inputGainDb());
            this.outputGain = RenderOptions.linear(options.outputGainDb() + model.normalizationDb());
            this.target = reader.frames() + (options.tail() ? tailFrames() : 0);
        }

        /** RF samples at the model's rate (the whole response to the last input), counted at the file's rate. */
        private long tailFrames() {
            long rf = model.net().receptiveField();
            int fileRate = reader.format().sampleRate();
            return (rf * fileRate + modelRate - 1) / modelRate;
        }

        void run() throws IOException {
            int fileChannels = reader.format().channels();
            int fileRate = reader.format().sampleRate();
            ChannelPipeline[] pipes = new ChannelPipeline[channels];
            try {
                for (int c = 0; c < pipes.length; c++) {
                    pipes[c] = new ChannelPipeline(engine.open(model.net()), fileRate, modelRate);
                }
                int block = blockFrames(model.net());
                float[][] buffer = new float[fileChannels][block];
                for (int n; (n = reader.read(buffer, 0, block)) > 0; ) {
                    prepare(buffer, n, pipes.length);
                    emit(pipes, process(pipes, buffer, n));
                    progress.accept(n / (double) fileRate);
                }
                long tail = target - reader.frames();
                float[][] silence = tail > 0 ? new float[pipes.length][block] : null;
                for (long left = tail; left > 0; left -= block) {
                    emit(pipes, process(pipes, silence, (int) Math.min(block, left)));
                }
                int k = -1;
                for (ChannelPipeline p : pipes) {
                    k = same(k, p.finish());
                }
                emit(pipes, k);
            } finally {
                for (ChannelPipeline p : pipes) {
                    if (p != null) {
                        p.close();
                    }
                }
            }
            if (written != target) {
                throw new IllegalStateException("rendered " + written + " frames of " + target);
            }
        }

        /** Makes the block ready to render, in place: downmixed into channel 0 when asked, input gain applied. */
        private void prepare(float[][] buffer, int n, int channels) {
            if (channels != buffer.length) {
                float[] mono = buffer[0];
                for (int i = 0; i < n; i++) {
                    float s = 0;
                    for (float[] ch : buffer) {
                        s += ch[i];
                    }
                    mono[i] = s / buffer.length;
                }
            }
            if (inputGain != 1f) {
                for (int c = 0; c < channels; c++) {
                    scale(buffer[c], n, inputGain);
                }
            }
        }

        private int process(ChannelPipeline[] pipes, float[][] source, int n) {
            int k = -1;
            for (int c = 0; c < pipes.length; c++) {
                k = same(k, pipes[c].process(source[c], n));
            }
            return k;
        }

        /** Writes the first {@code k} rendered frames, as far as the target length goes. */
        private void emit(ChannelPipeline[] pipes, int k) throws IOException {
            int m = (int) Math.min(k, target - written);
            if (m <= 0) {
                return;
            }
            if (writer == null) {
                written += m;
                return;
            }
            float[][] out = new float[pipes.length][];
            for (int c = 0; c < pipes.length; c++) {
                out[c] = pipes[c].output();
                if (outputGain != 1f) {
                    scale(out[c], m, outputGain);
                }
            }
            writer.write(out, 0, m);
            written += m;
        }

        private static int same(int expected, int k) {
            if (expected >= 0 && k != expected) {
                throw new IllegalStateException("channels rendered " + expected + " and " + k + " frames");
            }
            return k;
        }

        private static void scale(float[] x, int n, float gain) {
            for (int i = 0; i < n; i++) {
                x[i] *= gain;
            }
        }
    }
}
