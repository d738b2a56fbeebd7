package org.namcl.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.namcl.model.net.Linear;

/** A Linear (FIR) model: {@code receptive_field} taps, tap j for delay j, then the bias if {@code bias}. */
final class LinearBuilder {
    private LinearBuilder() {
    }

    /** The network, or null when the weights ran out (the cursor then only counts). */
    static Linear build(JsonNode config, WeightCursor w, Double fileSampleRate) {
        Json.object(config, "config", "Linear");
        int rf = Json.positiveInt(config, "receptive_field", "config");
        if (rf > ConfigParser.MAX_RECEPTIVE_FIELD) {
            throw new ModelException("config: a receptive field of " + rf + " samples is beyond namcl's limit of "
                    + ConfigParser.MAX_RECEPTIVE_FIELD);
        }
        boolean hasBias = Json.optionalBool(config, "bias", false, "config");
        float[] taps = w.take(rf, "taps");
        float[] bias = hasBias ? w.take(1, "bias") : new float[] {0f};
        if (w.exhausted()) {
            return null;
        }
        return new Linear(taps, bias[0], hasBias,
                fileSampleRate == null ? NamFile.DEFAULT_SAMPLE_RATE : fileSampleRate);
    }
}
