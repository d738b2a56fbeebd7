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

    /** A builder starting from {@code render}'s defaults: auto engine, every core, f32, no gain, no tail. */
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

        public Builder engine(EngineChoice engine) {
            this.engine = engine;
            return this;
        }

        /** An OpenCL device's index or (part of) its name; null for the default choice. */
        public Builder device(String device) {
            this.device = device;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Size for slimmable models in [0, 1]; null for the full model. */
        public Builder slim(Double slim) {
            this.slim = slim;
            return this;
        }

        public Builder format(OutputFormat format) {
            this.format = format;
            return this;
        }

        public Builder normalize(boolean normalize) {
            this.normalize = normalize;
            return this;
        }

        public Builder inputGainDb(double db) {
            this.inputGainDb = db;
            return this;
        }

        public Builder outputGainDb(double db) {
            this.outputGainDb = db;
            return this;
        }

        public Builder overwrite(boolean overwrite) {
            this.overwrite = overwrite;
            return this;
        }

        /** Each model's own tail: its receptive field, or {@link #DEFAULT_TAIL_SECONDS} without one. */
        public Builder tail(boolean tail) {
            this.tail = tail;
            return this;
        }

        /** A tail of {@code seconds} for every model (null: each model's own, when {@link #tail} is on). */
        public Builder tailSeconds(Double seconds) {
            this.tailSeconds = seconds;
            this.tail |= seconds != null;
            return this;
        }

        public Builder mixMono(boolean mixMono) {
            this.mixMono = mixMono;
            return this;
        }

        public Builder resample(boolean resample) {
            this.resample = resample;
            return this;
        }

        /** @throws IllegalArgumentException naming the option that is out of range */
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
