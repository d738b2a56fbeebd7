package org.namcl.model;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.namcl.io.RegularFiles;
import org.namcl.model.net.Network;

/**
 * Loads {@code .nam} files: parses the JSON, checks version and architecture, validates the
 * config and the weight count, and returns a {@link NamFile}. Every error is a
 * {@link ModelException} whose message starts with the file name.
 */
public final class NamLoader {
    /** Architectures a {@code .nam} file may name. */
    public static final List<String> KNOWN_ARCHITECTURES =
            List.of("WaveNet", "SlimmableContainer", "LSTM", "ConvNet", "Linear");
    /**
     * Larger files are refused unread: parsed, a file takes several times its size in memory, and
     * the largest trained NAM models are a few megabytes.
     */
    public static final long MAX_FILE_BYTES = 64L << 20;

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.\\d+");
    /** Version parts with more digits than this are beyond any supported version (and an int). */
    private static final int MAX_VERSION_DIGITS = 9;

    // Python's json writes NaN/Infinity; accept them here so the error can say which weight.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private NamLoader() {
    }

    /**
     * Loads a {@code .nam} file: read whole (files over the size limit are refused unread),
     * parsed and validated.
     *
     * @param path the file
     * @return the model, to {@link NamFile#resolve() resolve} into a network
     * @throws ModelException naming the file and what is wrong with it
     */
    public static NamFile load(Path path) {
        String source = String.valueOf(path);
        byte[] bytes;
        try {
            long size = RegularFiles.attributes(path).size();
            if (size > MAX_FILE_BYTES) {
                throw tooLarge(source, size);
            }
            bytes = readAtMost(path, MAX_FILE_BYTES);
            if (bytes.length > MAX_FILE_BYTES) {
                throw tooLarge(source, bytes.length); // it grew since: this many bytes at least
            }
        } catch (NoSuchFileException e) {
            throw new ModelException(source + ": no such file");
        } catch (FileSystemException e) {
            throw new ModelException(source + ": " + (e.getReason() != null ? e.getReason() : "cannot read"), e);
        } catch (IOException e) {
            throw new ModelException(source + ": cannot read: " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new ModelException(source + ": not valid JSON: " + describe(e), e);
        }
        return parse(root, source);
    }

    private static ModelException tooLarge(String source, long bytes) {
        return new ModelException(source + ": " + bytes + " bytes, over namcl's limit of " + (MAX_FILE_BYTES >> 20)
                + " MiB for a model file");
    }

    /** The first {@code limit} + 1 bytes of the file at most, so a larger one is never read whole. */
    private static byte[] readAtMost(Path path, long limit) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes((int) limit + 1);
        }
    }

    /**
     * Parses a model from JSON text.
     *
     * @param json the {@code .nam} file's text
     * @param source what errors call it
     * @return the model
     * @throws ModelException naming {@code source} and what is wrong
     */
    public static NamFile parse(String json, String source) {
        try {
            return parse(MAPPER.readTree(json), source);
        } catch (IOException e) {
            throw new ModelException(source + ": not valid JSON: " + describe(e), e);
        }
    }

    /**
     * How many weights a WaveNet {@code config} object (JSON text) needs: for tools that write
     * models (generators, benchmarks). The config is validated as when loading a file.
     *
     * @param waveNetConfigJson the config object
     * @return the weights it needs
     * @throws ModelException when the config is invalid
     */
    public static long weightCount(String waveNetConfigJson) {
        try {
            JsonNode config = MAPPER.readTree(waveNetConfigJson);
            if (Json.optional(config, "condition_dsp") != null) {
                throw new ModelException("weightCount does not count a nested condition_dsp's weights");
            }
            return WaveNetBuilder.weightCount(ConfigParser.parse(config, null));
        } catch (IOException e) {
            throw new ModelException("config: not valid JSON: " + describe(e), e);
        }
    }

    /**
     * How many weights a {@code config} (JSON text) of an LSTM, ConvNet or Linear needs, validated
     * as when loading a file: for tools that write models.
     *
     * @param architecture "LSTM", "ConvNet" or "Linear"
     * @param configJson the config object
     * @return the weights it needs
     * @throws ModelException when the config is invalid
     */
    public static long weightCount(String architecture, String configJson) {
        try {
            WeightCursor cursor = new WeightCursor(new float[0]);
            buildFixed(architecture, MAPPER.readTree(configJson), cursor, null);
            return cursor.position();
        } catch (IOException e) {
            throw new ModelException("config: not valid JSON: " + describe(e), e);
        }
    }

    static NamFile parse(JsonNode root, String source) {
        try {
            return parseUnlabelled(root, source);
        } catch (ModelException e) {
            throw e.inFile(source);
        }
    }

    private static NamFile parseUnlabelled(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new ModelException("not a .nam model: the JSON is not an object");
        }
        String version = versionOf(root);
        String arch = Json.required(root, "architecture", "model").asText();
        if (!KNOWN_ARCHITECTURES.contains(arch)) {
            throw new ModelException("unknown architecture \"" + arch + "\" (known: "
                    + String.join(", ", KNOWN_ARCHITECTURES) + ")");
        }
        JsonNode config = Json.required(root, "config", "model");
        Double sampleRate = sampleRate(root);
        Metadata metadata = MetadataParser.parse(Json.optional(root, "metadata"));

        ModelNode node = switch (arch) {
            case "WaveNet" -> waveNet(root, config, source, sampleRate);
            case "SlimmableContainer" -> container(config, source, sampleRate);
            default -> fixed(arch, config, weights(root), sampleRate);
        };
        return new NamFile(source, version, arch, sampleRate, metadata, node);
    }

    private static ModelNode waveNet(JsonNode root, JsonNode config, String source, Double sampleRate) {
        Json.object(config, "config", "WaveNet");
        NamFile conditionDsp = null;
        JsonNode dsp = Json.optional(config, "condition_dsp");
        if (dsp != null) {
            conditionDsp = parse(dsp, source + " [condition_dsp]");
            Double r = conditionDsp.sampleRate();
            if (r != null && sampleRate != null && !r.equals(sampleRate)) {
                throw new ModelException("the condition DSP's sample rate (" + r
                        + ") differs from the model's (" + sampleRate + ")");
            }
        }
        WaveNetConfig cfg = ConfigParser.parse(config, conditionDsp);
        ModelNode.WaveNetNode node = new ModelNode.WaveNetNode(cfg, weights(root));
        // Build once now so a weight-count problem is reported when the file is loaded.
        WaveNetBuilder.build(cfg, node.weights(), Double.NaN, null, 48000);
        return node;
    }

    private static ModelNode fixed(String arch, JsonNode config, float[] weights, Double sampleRate) {
        WeightCursor cursor = new WeightCursor(weights);
        Network net = buildFixed(arch, config, cursor, sampleRate);
        cursor.finish();
        return new ModelNode.FixedNode(net);
    }

    /** An LSTM, ConvNet or Linear; null when the cursor's weights ran out. */
    private static Network buildFixed(String arch, JsonNode config, WeightCursor cursor, Double sampleRate) {
        return switch (arch) {
            case "LSTM" -> LstmBuilder.build(config, cursor, sampleRate);
            case "ConvNet" -> ConvNetBuilder.build(config, cursor, sampleRate);
            case "Linear" -> LinearBuilder.build(config, cursor, sampleRate);
            default -> throw new IllegalArgumentException("not a fixed architecture: " + arch);
        };
    }

    private static ModelNode container(JsonNode config, String source, Double sampleRate) {
        Json.object(config, "config", "SlimmableContainer");
        JsonNode subs = Json.required(config, "submodels", "config");
        if (!subs.isArray() || subs.isEmpty()) {
            throw new ModelException("config: \"submodels\" must be a non-empty list");
        }
        List<ModelNode.Submodel> out = new ArrayList<>();
        for (int i = 0; i < subs.size(); i++) {
            String where = "submodel " + i;
            JsonNode s = Json.object(subs.get(i), "a submodel", where);
            double max = Json.finiteNumber(Json.required(s, "max_value", where), "max_value", where);
            if (!out.isEmpty() && max <= out.get(out.size() - 1).maxValue()) {
                throw new ModelException(where + ": max_value " + max + " is not above the previous one");
            }
            NamFile model = parse(Json.required(s, "model", where), source + " [submodel " + i + "]");
            Double r = model.sampleRate();
            if (r != null && sampleRate != null && !r.equals(sampleRate)) {
                throw new ModelException(where + ": sample rate " + r + " differs from the container's " + sampleRate);
            }
            out.add(new ModelNode.Submodel(max, model));
        }
        return new ModelNode.ContainerNode(out);
    }

    private static String versionOf(JsonNode root) {
        String s = Json.required(root, "version", "model").asText();
        Matcher m = VERSION.matcher(s);
        if (!m.matches()) {
            throw new ModelException("version \"" + s + "\" is not of the form x.y.z");
        }
        long major = versionPart(m.group(1));
        long minor = versionPart(m.group(2));
        if (major != 0 || minor < 5 || minor > 7) {
            throw new ModelException("unsupported version " + s + " (namcl reads 0.5.0 up to 0.7.x)");
        }
        return s;
    }

    /** A version part's value, or Long.MAX_VALUE when it has too many digits to be a supported one. */
    private static long versionPart(String digits) {
        String significant = digits.replaceFirst("^0+(?=.)", "");
        return significant.length() > MAX_VERSION_DIGITS ? Long.MAX_VALUE : Long.parseLong(significant);
    }

    private static Double sampleRate(JsonNode root) {
        if (!root.has("sample_rate")) {
            return null;
        }
        JsonNode v = root.get("sample_rate");
        if (v.isNull()) {
            throw new ModelException("\"sample_rate\" is null (give a rate in Hz, or leave the key out)");
        }
        double r = Json.finiteNumber(v, "sample_rate", "model");
        if (r <= 0) {
            throw new ModelException("\"sample_rate\" must be positive, found " + v);
        }
        return r;
    }

    private static float[] weights(JsonNode root) {
        JsonNode w = Json.required(root, "weights", "model");
        if (!w.isArray()) {
            throw new ModelException("\"weights\" must be a list of numbers");
        }
        float[] out = new float[w.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode e = w.get(i);
            if (!e.isNumber()) {
                throw new ModelException("weight " + i + " is not a number: " + e);
            }
            double d = e.asDouble();
            if (!Double.isFinite(d) || Float.isInfinite((float) d)) {
                throw new ModelException("weight " + i + " is " + (Double.isNaN(d) ? "NaN" : "infinite"));
            }
            out[i] = (float) d;
        }
        return out;
    }

    private static String describe(IOException e) {
        if (e instanceof JacksonException j) {
            JsonLocation loc = j.getLocation();
            String msg = j.getOriginalMessage();
            return loc == null ? msg : msg + " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
        }
        return e.getMessage();
    }
}
