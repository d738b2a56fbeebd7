package org.namcl.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;
import org.namcl.model.net.WaveNet;

/**
 * A complete WaveNet {@code .nam} model made from a config written in a test: random weights,
 * exactly as many as {@link ReferenceWaveNet#weightCount} says the config needs, loaded by
 * {@link NamLoader} and mirrored by a {@link ReferenceWaveNet} over the very same weights.
 *
 * @param json      the whole model file's text
 * @param file      the model as NamLoader loads it
 * @param reference the independent double-precision model with the same weights
 */
public record GeneratedModel(String json, NamFile file, ReferenceWaveNet reference) {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /**
     * Weights are uniform in ±WEIGHT_RANGE: large enough that every activation leaves its linear
     * range, small enough that a few layers keep the signal near unit size.
     */
    private static final double WEIGHT_RANGE = 0.6;
    /**
     * The last weight, the head scale: not 1, so a dropped head scale shows, and big enough that
     * the outputs of these tiny models are of order 1 (against which tolerances are absolute).
     */
    private static final float HEAD_SCALE = 1.7f;

    public static GeneratedModel wavenet(String configJson, long seed) {
        return wavenet(configJson, null, seed);
    }

    /** A WaveNet whose config gets {@code conditionDsp} (a whole model) as its condition DSP. */
    public static GeneratedModel wavenet(String configJson, GeneratedModel conditionDsp, long seed) {
        try {
            ObjectNode config = (ObjectNode) MAPPER.readTree(configJson);
            NamFile dspFile = null;
            if (conditionDsp != null) {
                config.set("condition_dsp", MAPPER.readTree(conditionDsp.json));
                dspFile = conditionDsp.file;
            }
            WaveNetConfig parsed = ConfigParser.parse(config, dspFile);
            Random random = new Random(seed);
            double[] weights = new double[ReferenceWaveNet.weightCount(parsed)];
            ObjectNode root = MAPPER.createObjectNode();
            root.put("version", "0.7.0");
            root.put("architecture", "WaveNet");
            root.put("sample_rate", 48000.0);
            root.set("config", config);
            ArrayNode w = root.putArray("weights");
            for (int i = 0; i < weights.length; i++) {
                // float values, so that the file holds exactly what the reference computes with
                float v = i == weights.length - 1 ? HEAD_SCALE
                        : (float) ((2 * random.nextDouble() - 1) * WEIGHT_RANGE);
                weights[i] = v;
                w.add(v);
            }
            String json = MAPPER.writeValueAsString(root);
            ReferenceWaveNet reference = new ReferenceWaveNet(parsed, weights,
                    conditionDsp == null ? null : conditionDsp.reference);
            return new GeneratedModel(json, NamLoader.parse(json, "generated"), reference);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad config in test: " + e.getMessage(), e);
        }
    }

    /** The network the engines run (default size). */
    public WaveNet net() {
        return file.resolve(WaveNet.class);
    }
}
