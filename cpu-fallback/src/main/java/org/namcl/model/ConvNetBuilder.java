package org.namcl.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.namcl.model.net.Conv1d;
import org.namcl.model.net.Conv1x1;
import org.namcl.model.net.ConvNet;

/**
 * A ConvNet from its config ({@code channels}, {@code dilations}, {@code batchnorm},
 * {@code activation}) and weights. Per block: conv weights [out][in][tap] (tap 0 = t − d, tap 1
 * = t), then the conv bias, or with batch norm its running_mean, running_var, weight, bias (each
 * {@code channels} long) and eps; then the head: {@code channels} weights and a bias. Batch norm
 * y = (x − mean) / sqrt(var + eps) · weight + bias is folded into the conv here.
 */
final class ConvNetBuilder {
    private static final int KERNEL = 2;

    private ConvNetBuilder() {
    }

    /** The network, or null when the weights ran out (the cursor then only counts). */
    static ConvNet build(JsonNode config, WeightCursor w, Double fileSampleRate) {
        Json.object(config, "config", "ConvNet");
        int channels = ConfigParser.width(config, "channels", "config");
        int[] dilations = dilations(Json.required(config, "dilations", "config"));
        boolean batchNorm = Json.optionalBool(config, "batchnorm", false, "config");
        Activation act = ConfigParser.activation(Json.required(config, "activation", "config"), "config");
        if (!act.fitsChannels(channels)) {
            throw new ModelException("config: PReLU has " + act.params().length + " slopes for " + channels
                    + " channels");
        }
        List<Conv1d> convs = new ArrayList<>();
        for (int b = 0; b < dilations.length; b++) {
            int in = b == 0 ? 1 : channels;
            String where = "block " + b;
            float[] weights = w.take((long) channels * in * KERNEL, where + " conv weights");
            float[] bias = batchNorm ? foldBatchNorm(weights, w, channels, where) : w.take(channels, where + " conv bias");
            convs.add(new Conv1d(in, channels, KERNEL, dilations[b], 1, weights, bias));
        }
        float[] head = w.take(channels, "head weights");
        float[] headBias = w.take(1, "head bias");
        if (w.exhausted()) {
            return null;
        }
        return new ConvNet(convs, act, batchNorm, new Conv1x1(channels, 1, 1, head, headBias), w.position(),
                fileSampleRate == null ? NamFile.DEFAULT_SAMPLE_RATE : fileSampleRate);
    }

    private static int[] dilations(JsonNode v) {
        if (!v.isArray() || v.isEmpty()) {
            throw new ModelException("config: \"dilations\" must be a non-empty list of integers");
        }
        int[] d = new int[v.size()];
        long rf = 1;
        for (int i = 0; i < d.length; i++) {
            d[i] = Json.asInt(v.get(i), "dilations", "config");
            if (d[i] < 1 || d[i] > ConfigParser.MAX_DILATION) {
                throw new ModelException("config: dilation " + d[i] + " must be in [1, " + ConfigParser.MAX_DILATION
                        + "]");
            }
            rf += d[i];
        }
        if (rf > ConfigParser.MAX_RECEPTIVE_FIELD) {
            throw new ModelException("config: a receptive field of " + rf + " samples is beyond namcl's limit of "
                    + ConfigParser.MAX_RECEPTIVE_FIELD);
        }
        return d;
    }

    /**
     * Reads a block's batch norm and scales the conv's rows in place by weight / sqrt(var + eps);
     * returns the bias that makes conv + bias equal batch norm of the unbiased conv.
     */
    private static float[] foldBatchNorm(float[] weights, WeightCursor w, int channels, String where) {
        float[] mean = w.take(channels, where + " batch norm running_mean");
        float[] var = w.take(channels, where + " batch norm running_var");
        float[] gain = w.take(channels, where + " batch norm weight");
        float[] shift = w.take(channels, where + " batch norm bias");
        float[] eps = w.take(1, where + " batch norm eps");
        if (w.exhausted()) {
            return new float[0];
        }
        checkVariance(var, eps[0], where);
        int perRow = weights.length / channels;
        float[] bias = new float[channels];
        for (int o = 0; o < channels; o++) {
            double scale = gain[o] / Math.sqrt(var[o] + (double) eps[0]);
            for (int j = 0; j < perRow; j++) {
                weights[o * perRow + j] = (float) (weights[o * perRow + j] * scale);
            }
            bias[o] = (float) (shift[o] - mean[o] * scale);
        }
        return bias;
    }

    private static void checkVariance(float[] var, float eps, String where) {
        for (float v : var) {
            if (!(v + (double) eps > 0)) {
                throw new ModelException(where + ": batch norm running_var + eps must be positive, found "
                        + v + " + " + eps);
            }
        }
    }
}
