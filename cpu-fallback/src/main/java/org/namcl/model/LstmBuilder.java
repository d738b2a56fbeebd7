package org.namcl.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.namcl.model.net.Lstm;
import org.namcl.model.net.LstmLayer;

/**
 * An LSTM from its config and weights (NAM-SPEC): per layer W (4H × (in + H)) row-major with gates
 * i, f, g, o, then b (4H), the initial h (H) and c (H); then the head's H weights and its bias.
 */
final class LstmBuilder {
    private LstmBuilder() {
    }

    /** The network, or null when the weights ran out (the cursor then only counts). */
    static Lstm build(JsonNode config, WeightCursor w, Double fileSampleRate) {
        Json.object(config, "config", "LSTM");
        int layers = Json.positiveInt(config, "num_layers", "config");
        int input = ConfigParser.width(config, "input_size", "config");
        int hidden = ConfigParser.width(config, "hidden_size", "config");
        if (layers > ConfigParser.MAX_CHANNELS) {
            throw new ModelException("config: \"num_layers\" " + layers + " is beyond namcl's limit of "
                    + ConfigParser.MAX_CHANNELS);
        }
        List<LstmLayer> built = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? input : hidden;
            String where = "LSTM layer " + l;
            float[] weights = w.take(4L * hidden * (in + hidden), where + " weights");
            float[] bias = w.take(4L * hidden, where + " bias");
            float[] h = w.take(hidden, where + " initial hidden state");
            float[] c = w.take(hidden, where + " initial cell state");
            built.add(new LstmLayer(in, hidden, weights, bias, h, c));
        }
        float[] head = w.take(hidden, "head weights");
        float[] headBias = w.take(1, "head bias");
        if (w.exhausted()) {
            return null;
        }
        return new Lstm(built, head, headBias[0], Lstm.prewarmSamples(fileSampleRate),
                fileSampleRate == null ? NamFile.DEFAULT_SAMPLE_RATE : fileSampleRate);
    }
}
