package org.namcl.render;

import java.util.Objects;

/**
 * How a batch is rendered: the {@code render} command's options, validated.
 *
 * @param device       OpenCL device selector (index or name), or null for the default choice
 * @param threads      CPU threads (the CPU engine, and the fallback of the OpenCL engine)
 * @param slim         size for slimmable models in [0, 1], or null for the default (largest)
 * @param normalize    bring each model's output to -18 dB using its metadata loudness
 * @param overwrite    re-render pairs whose output exists (otherwise they are skipped)
 * @param tail         render silence after the input so tails are not cut (see {@link TailLength})
 * @param tailSeconds  with {@code tail}: that many seconds for every model; null: each model's own length
 * @param mixMono      downmix to one channel before rendering
 * @param resample     convert files whose rate differs from the model's to it and back
 */
public record RenderOptions(EngineChoice engine, String device, int threads, Double slim, OutputFormat format,
                            boolean normalize, double inputGainDb, double outputGainDb, boolean overwrite,
                            boolean tail, Double tailSeconds, boolean mixMono, boolean resample) {

    /** The loudness {@code normalize} brings every model's output to, in dB. */
    public static final double TARGET_LOUDNESS_DB = -18.0;
    /** What {@code --tail} appends for a model without a receptive field (an LSTM), in seconds. */
    public static final double DEFAULT_TAIL_SECONDS = 0.5;

    /**
     * Checks the options; {@link #builder()} gives them by name.
     *
     * @param engine auto, cpu or opencl
     * @param device an OpenCL device's index or name, or null
     * @param threads the CPU engine's threads, at least 1
     * @param slim the size for slimmable models in [0, 1], or null
     * @param format the output encoding
     * @param normalize whether each model's output is brought to {@link #TARGET_LOUDNESS_DB}
     * @param inputGainDb gain before the model, dB
     * @param outputGainDb gain after it, dB
     * @param overwrite whether outputs made the same way are rendered again
     * @param tail whether each model's own tail is appended
     * @param tailSeconds a tail for every model in seconds, or null
     * @param mixMono whether channels are downmixed to one
     * @param resample whether inputs at another rate than the model's are converted
     * @throws IllegalArgumentException naming the option that is out of range
     */
    public RenderOptions {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(format, "format");
        // Messages name the command line's options: they are what users see.
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        if (slim != null && !(slim >= 0 && slim <= 1)) {
            throw new IllegalArgumentException("--slim must be a number in [0, 1], got " + slim);
        }
        if (tailSeconds != null && !(tailSeconds >= 0 && tailSeconds <= 3600)) {
            throw new IllegalArgumentException("--tail-seconds must be in [0, 3600], got " + tailSeconds);
        }
        if (!Double.isFinite(inputGainDb)) {
            throw new IllegalArgumentException("--input-gain must be a finite number of dB, got " + inputGainDb);
        }
        if (!Double.isFinite(outputGainDb)) {
            throw new IllegalArgumentException("--output-gain must be a finite number of dB, got " + outputGainDb);
        }
    }

    /**
     * A builder starting from {@code render}'s defaults: auto engine, every core, f32, no gain, no tail.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link RenderOptions} by name instead of by position; {@link #build()} validates them
     * (an {@link IllegalArgumentException} names the option).
     */
    public static final class Builder {
        private EngineChoice engine = EngineChoice.AUTO;
        private String device;
        private int threads = Runtime.getRuntime().availableProcessors();
        private Double slim;
        private OutputFormat format = OutputFormat.F32;
        private boolean normalize;
        private double inputGainDb;
        private double outputGainDb;
        private boolean overwrite;
        private boolean tail;
        private Double tailSeconds;
        private boolean mixMono;
        private boolean resample;

        private Builder() {
        }

        /**
         * Which engine renders.
         *
         * @param engine auto, cpu or opencl
         * @return this builder
         */
        public Builder engine(EngineChoice engine) {
            this.engine = engine;
            return this;
        }

        /**
         * An OpenCL device's index or (part of) its name; null for the default choice.
         *
         * @param device the device, or null
         * @return this builder
         */
        public Builder device(String device) {
            this.device = device;
            return this;
        }

        /**
         * The CPU engine's threads.
         *
         * @param threads at least 1
         * @return this builder
         */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * Size for slimmable models in [0, 1]; null for the full model.
         *
         * @param slim the size, or null
         * @return this builder
         */
        public Builder slim(Double slim) {
            this.slim = slim;
            return this;
        }

        /**
         * The output encoding.
         *
         * @param format the encoding
         * @return this builder
         */
        public Builder format(OutputFormat format) {
            this.format = format;
            return this;
        }

        /**
         * Whether each model's output is brought to {@link #TARGET_LOUDNESS_DB} by its metadata's loudness.
         *
         * @param normalize true to normalise
         * @return this builder
         */
        public Builder normalize(boolean normalize) {
            this.normalize = normalize;
            return this;
        }

        /**
         * Gain before the model.
         *
         * @param db in dB
         * @return this builder
         */
        public Builder inputGainDb(double db) {
            this.inputGainDb = db;
            return this;
        }

        /**
         * Gain after the model (and the normalisation).
         *
         * @param db in dB
         * @return this builder
         */
        public Builder outputGainDb(double db) {
            this.outputGainDb = db;
            return this;
        }

        /**
         * Whether outputs made the same way are rendered again.
         *
         * @param overwrite true to render every pair
         * @return this builder
         */
        public Builder overwrite(boolean overwrite) {
            this.overwrite = overwrite;
            return this;
        }

        /**
         * Each model's own tail: its receptive field, or {@link #DEFAULT_TAIL_SECONDS} without one.
         *
         * @param tail true to append it
         * @return this builder
         */
        public Builder tail(boolean tail) {
            this.tail = tail;
            return this;
        }

        /**
         * A tail of {@code seconds} for every model (null: each model's own, when {@link #tail} is on).
         *
         * @param seconds seconds, or null
         * @return this builder
         */
        public Builder tailSeconds(Double seconds) {
            this.tailSeconds = seconds;
            this.tail |= seconds != null;
            return this;
        }

        /**
         * Whether the channels are downmixed to one and rendered once.
         *
         * @param mixMono true to downmix
         * @return this builder
         */
        public Builder mixMono(boolean mixMono) {
            this.mixMono = mixMono;
            return this;
        }

        /**
         * Whether inputs at another rate than the model's are converted (and back).
         *
         * @param resample true to convert
         * @return this builder
         */
        public Builder resample(boolean resample) {
            this.resample = resample;
            return this;
        }

        /**
         * The options, checked.
         *
         * @return the options
         * @throws IllegalArgumentException naming the option that is out of range
         */
        public RenderOptions build() {
            return new RenderOptions(engine, device, threads, slim, format, normalize, inputGainDb, outputGainDb,
                    overwrite, tail, tailSeconds, mixMono, resample);
        }
    }

    /** The size to resolve models at: NaN selects the default, as {@code NamFile.resolve} expects. */
    double slimOrDefault() {
        return slim == null ? Double.NaN : slim;
    }

    static float linear(double db) {
        return (float) Math.pow(10, db / 20);
    }
}
