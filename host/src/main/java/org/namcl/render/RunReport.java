package org.namcl.render;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The record of a render run: what was asked, and per (model, file) pair what happened. It counts
 * the outcomes for the summary and the exit code, and is written as JSON for {@code --report}.
 */
public final class RunReport {

    /**
     * What became of a pair: rendered; rendered again over an output made another way (model,
     * options, input or namcl version: {@code reason} says which); skipped, its output up to date;
     * left to another namcl run that is rendering it ({@code reason} names it); failed.
     */
    public enum Status {
        /** Rendered. */
        RENDERED,
        /** Rendered again over an output made another way. */
        RERENDERED,
        /** Skipped: its output is up to date. */
        SKIPPED,
        /** Left to another namcl run rendering it. */
        OTHER_RUN,
        /** Failed. */
        FAILED
    }

    /**
     * One pair. Numbers are null when not known (a skipped pair's file is never opened).
     *
     * @param reason  why it was rendered again, or which run renders it; null otherwise
     * @param frames   frames written (the input's, and the tail's with --tail); for a pair not
     *                 rendered, null
     * @param channels channels written (the input's, or 1 with --mix mono)
     * @param seconds  the input's length in seconds
     * @param engine  the engine that rendered it ("cpu", "opencl")
     * @param levels  the output's levels, for a pair rendered by this run
     */
    @JsonPropertyOrder({"input", "model", "output", "status", "reason", "frames", "channels", "sample_rate",
        "seconds", "wall_seconds", "engine", "clipped_samples", "levels", "error"})
    public record Pair(String input, String model, String output, Status status, String reason, Long frames,
                       Integer channels,
                       Integer sampleRate, Double seconds, Double wallSeconds, String engine, Long clippedSamples,
                       Levels levels, String error) {
        /**
         * Rounds the times to what they mean.
         *
         * @param input the input, as messages call it
         * @param model the model file
         * @param output the output, or null when there is none
         * @param status what became of it
         * @param reason why it was rendered again, or which run renders it; or null
         * @param frames frames written, or null
         * @param channels channels written, or null
         * @param sampleRate the output's rate in Hz, or null
         * @param seconds the input's length in seconds, or null
         * @param wallSeconds the time it took, or null
         * @param engine the engine that rendered it, or null
         * @param clippedSamples samples clipped to the PCM range, or null
         * @param levels the output's levels, or null
         * @param error why it failed, or null
         */
        public Pair {
            seconds = Rounding.places(seconds, 6); // a microsecond: finer than any audio rate's sample
            wallSeconds = Rounding.places(wallSeconds, 3);
        }
    }

    /** The JSON style of namcl's reports: snake_case names, lower-case enums, indented. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(EnumFeature.WRITE_ENUMS_TO_LOWERCASE, true)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final String version;
    private final List<String> arguments;
    private final RenderOptions options;
    private final OffsetDateTime started = OffsetDateTime.now();
    private final long startNanos = System.nanoTime();
    /** By their place in the batch (model by model, file by file), whatever order they end in. */
    private final TreeMap<Long, Pair> pairs = new TreeMap<>();
    private String engine = "none";

    /**
     * @param version namcl's version (or the calling tool's), recorded in every output
     * @param arguments the command line as given
     * @param options the run's options
     */
    public RunReport(String version, List<String> arguments, RenderOptions options) {
        this.version = version;
        this.arguments = List.copyOf(arguments);
        this.options = options;
    }

    /**
     * namcl's version, as recorded in every output.
     *
     * @return the version
     */
    public String version() {
        return version;
    }

    /**
     * The engine that renders the run.
     *
     * @param description as {@code Engine.description()} says it
     */
    public void engine(String description) {
        this.engine = description;
    }

    /**
     * The engine's description.
     *
     * @return the description, "none" until one is set
     */
    public String engine() {
        return engine;
    }

    /**
     * The outcome of a pair; a later one for the same place replaces it.
     *
     * @param seq the pair's place in the batch
     * @param pair its outcome
     */
    public synchronized void add(long seq, Pair pair) {
        pairs.put(seq, pair);
    }

    /**
     * Every pair's outcome so far.
     *
     * @return in batch order
     */
    public synchronized List<Pair> pairs() {
        return List.copyOf(pairs.values());
    }

    /**
     * Pairs of a status.
     *
     * @param status the status
     * @return how many
     */
    public synchronized long count(Status status) {
        return pairs.values().stream().filter(p -> p.status() == status).count();
    }

    /**
     * Seconds of input rendered (skipped and failed pairs not counted).
     *
     * @return that many
     */
    public synchronized double renderedSeconds() {
        return pairs.values().stream().filter(p -> p.status() == Status.RENDERED || p.status() == Status.RERENDERED)
                .mapToDouble(Pair::seconds).sum();
    }

    /**
     * Writes the report to a file atomically: the file is whole or not there.
     *
     * @param file the JSON file
     * @throws IOException naming the file when it cannot be written
     */
    public void write(Path file) throws IOException {
        AtomicFile.write(file, json().getBytes(StandardCharsets.UTF_8), "the report");
    }

    /**
     * The report as JSON, as {@link #write} writes it.
     *
     * @return the JSON text
     * @throws IOException when it cannot be serialised
     */
    public String json() throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("namcl_version", version);
        root.put("started", started.toString());
        root.put("wall_seconds", Rounding.places((System.nanoTime() - startNanos) * 1e-9, 3));
        root.put("engine", engine);
        root.set("arguments", MAPPER.valueToTree(arguments));
        root.set("options", MAPPER.valueToTree(options));
        ObjectNode summary = root.putObject("summary");
        for (Status s : Status.values()) {
            summary.put(s.name().toLowerCase(Locale.ROOT), count(s));
        }
        summary.put("rendered_seconds", Rounding.places(renderedSeconds(), 6));
        root.set("pairs", MAPPER.valueToTree(pairs()));
        return MAPPER.writeValueAsString(root);
    }
}
