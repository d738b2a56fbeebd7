package org.namcl.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Locale;

/**
 * A pointwise activation and its parameters, as a {@code .nam} file names it. The meaning of
 * {@link #params()} is fixed per {@link Kind} (documented on each constant), so every engine can
 * read them by position.
 */
public record Activation(Kind kind, float[] params) {

    /** The activations namcl knows, each with the name a {@code .nam} file gives it. */
    public enum Kind {
        /** tanh(x) */
        TANH("Tanh"),
        /** params: [min_val, max_val] */
        HARDTANH("Hardtanh"),
        /** NAM's rational tanh approximation (the C++ core's optional "fast tanh"). */
        FASTTANH("Fasttanh"),
        /** max(0, x) */
        RELU("ReLU"),
        /** params: [negative_slope] */
        LEAKY_RELU("LeakyReLU"),
        /** params: one negative slope, or one per channel */
        PRELU("PReLU"),
        /** 1 / (1 + e^-x) */
        SIGMOID("Sigmoid"),
        /** x * sigmoid(x) */
        SILU("SiLU"),
        /** x * min(max(x + 3, 0), 6) / 6 */
        HARDSWISH("Hardswish"),
        /** params: [min_val, max_val, min_slope, max_slope] */
        LEAKY_HARDTANH("LeakyHardtanh"),
        /** x / (1 + |x|) */
        SOFTSIGN("Softsign"),
        /** 0.5 * (1 + x / (1 + |x|)) */
        SOFTSIGMOID("Softsigmoid"),
        /** erf form */
        GELU("GELU"),
        /** tanh approximation (torch GELU(approximate="tanh")) */
        GELU_TANH("GELU"),
        /** params: [alpha] */
        ELU("ELU"),
        /** params: [beta, threshold] */
        SOFTPLUS("Softplus"),
        /** min(max(x / 6 + 0.5, 0), 1) */
        HARDSIGMOID("Hardsigmoid"),
        /** torch's SELU, its constants fixed */
        SELU("SELU"),
        /** params: [alpha] */
        CELU("CELU"),
        /** x * tanh(softplus(x)) */
        MISH("Mish"),
        /** log(sigmoid(x)) */
        LOGSIGMOID("LogSigmoid"),
        /** x - tanh(x) */
        TANHSHRINK("Tanhshrink");

        private final String jsonName;

        Kind(String jsonName) {
            this.jsonName = jsonName;
        }

        /**
         * The name a {@code .nam} file gives it.
         *
         * @return such as {@code "Tanh"}
         */
        public String jsonName() {
            return jsonName;
        }
    }

    /** tanh, without parameters. */
    public static final Activation TANH = new Activation(Kind.TANH, new float[0]);
    /** The sigmoid, without parameters. */
    public static final Activation SIGMOID = new Activation(Kind.SIGMOID, new float[0]);

    /**
     * Whether the per-channel parameter list (PReLU) fits a layer.
     *
     * @param channels the layer's channels
     * @return true when it does (always, for other kinds)
     */
    public boolean fitsChannels(int channels) {
        return kind != Kind.PRELU || params.length == 1 || params.length == channels;
    }

    /**
     * The parameter that applies to a channel (PReLU per-channel slopes).
     *
     * @param channel the channel, from 0
     * @return its parameter, or the one shared by all
     */
    public float channelParam(int channel) {
        return params.length == 1 ? params[0] : params[channel];
    }

    @Override
    public String toString() {
        return params.length == 0 ? kind.jsonName : kind.jsonName + Arrays.toString(params);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Activation a && a.kind == kind && Arrays.equals(a.params, params);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Arrays.hashCode(params);
    }

    /** Parses a string name or a {"type": name, params...} object. */
    static Activation parse(JsonNode node) {
        if (node.isTextual()) {
            return of(node.asText(), null);
        }
        if (node.isObject()) {
            JsonNode type = node.get("type");
            if (type == null || !type.isTextual()) {
                throw new ModelException("activation object without a \"type\" name: " + node);
            }
            return of(type.asText(), node);
        }
        throw new ModelException("activation must be a name or an object, found " + node);
    }

    private static Activation of(String name, JsonNode p) {
        String n = name.toLowerCase(Locale.ROOT);
        return switch (n) {
            case "tanh" -> simple(Kind.TANH);
            case "fasttanh" -> simple(Kind.FASTTANH);
            case "hardtanh" -> new Activation(Kind.HARDTANH,
                    floats(num(p, "min_val", -1), num(p, "max_val", 1)));
            case "relu" -> simple(Kind.RELU);
            case "leakyrelu" -> new Activation(Kind.LEAKY_RELU, floats(num(p, "negative_slope", 0.01)));
            case "prelu" -> new Activation(Kind.PRELU, preluSlopes(p));
            case "sigmoid" -> simple(Kind.SIGMOID);
            case "silu", "swish" -> simple(Kind.SILU);
            case "hardswish" -> simple(Kind.HARDSWISH);
            case "leakyhardtanh" -> new Activation(Kind.LEAKY_HARDTANH, floats(
                    num(p, "min_val", -1), num(p, "max_val", 1),
                    num(p, "min_slope", 0.01), num(p, "max_slope", 0.01)));
            case "softsign" -> simple(Kind.SOFTSIGN);
            case "softsigmoid" -> simple(Kind.SOFTSIGMOID);
            case "gelu" -> geluKind(p);
            case "elu" -> new Activation(Kind.ELU, floats(num(p, "alpha", 1)));
            case "softplus" -> new Activation(Kind.SOFTPLUS, floats(num(p, "beta", 1), num(p, "threshold", 20)));
            case "hardsigmoid" -> simple(Kind.HARDSIGMOID);
            case "selu" -> simple(Kind.SELU);
            case "celu" -> new Activation(Kind.CELU, floats(num(p, "alpha", 1)));
            case "mish" -> simple(Kind.MISH);
            case "logsigmoid" -> simple(Kind.LOGSIGMOID);
            case "tanhshrink" -> simple(Kind.TANHSHRINK);
            default -> throw new ModelException("unknown activation \"" + name + "\" (supported: "
                    + supportedNames() + ")");
        };
    }

    private static Activation geluKind(JsonNode p) {
        JsonNode approx = p == null ? null : p.get("approximate");
        if (approx == null || approx.isNull() || approx.asText().equals("none")) {
            return simple(Kind.GELU);
        }
        if (approx.asText().equals("tanh")) {
            return simple(Kind.GELU_TANH);
        }
        throw new ModelException("GELU approximate must be \"none\" or \"tanh\", found " + approx);
    }

    private static float[] preluSlopes(JsonNode p) {
        JsonNode many = p == null ? null : p.get("negative_slopes");
        if (many != null && !many.isNull()) {
            if (!many.isArray() || many.isEmpty()) {
                throw new ModelException("PReLU negative_slopes must be a non-empty list, found " + many);
            }
            float[] s = new float[many.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = finite(many.get(i), "PReLU negative_slopes");
            }
            return s;
        }
        return floats(num(p, "negative_slope", 0.01));
    }

    private static String supportedNames() {
        StringBuilder b = new StringBuilder();
        for (Kind k : Kind.values()) {
            if (k == Kind.GELU_TANH) {
                continue;
            }
            b.append(b.length() == 0 ? "" : ", ").append(k.jsonName);
        }
        return b.toString();
    }

    private static Activation simple(Kind k) {
        return new Activation(k, new float[0]);
    }

    private static double num(JsonNode p, String key, double dflt) {
        JsonNode v = p == null ? null : p.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        return finite(v, key);
    }

    private static float finite(JsonNode v, String key) {
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new ModelException("activation parameter " + key + " must be a finite number, found " + v);
        }
        return (float) v.asDouble();
    }

    private static float[] floats(double... v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
