package org.namcl.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a WaveNet {@code config} object into a validated {@link WaveNetConfig}: legacy 0.5 keys
 * and current 0.7 keys alike, every default applied, every shape checked, so that building the
 * network afterwards cannot fail on anything but the weight count.
 */
final class ConfigParser {
    /** Far beyond any trained NAM model; keeps buffer sizes and start-up work sane. */
    static final int MAX_KERNEL = 1024;
    static final int MAX_DILATION = 1 << 16;
    static final long MAX_RECEPTIVE_FIELD = 1 << 22;
    /** Widths beyond this are refused before any weight array is sized from them. */
    static final int MAX_CHANNELS = 1 << 12;

    private ConfigParser() {
    }

    static WaveNetConfig parse(JsonNode config, NamFile conditionDsp) {
        Json.object(config, "config", "WaveNet");
        JsonNode layers = Json.required(config, "layers", "config");
        if (!layers.isArray() || layers.isEmpty()) {
            throw new ModelException("config: \"layers\" must be a non-empty list of layer arrays");
        }
        Json.required(config, "head_scale", "config");
        int inChannels = config.has("in_channels") && !config.get("in_channels").isNull()
                ? width(config, "in_channels", "config") : 1;
        List<LayerArrayConfig> arrays = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            arrays.add(layerArray(layers.get(i), "layer array " + i));
        }
        PostHeadConfig postHead = postHead(Json.optional(config, "head"), arrays.get(arrays.size() - 1));
        validateChain(arrays, inChannels, conditionDsp);
        long rf = 1 + (postHead == null ? 0 : postHead.lookback());
        for (LayerArrayConfig a : arrays) {
            rf += a.lookback();
        }
        if (rf > MAX_RECEPTIVE_FIELD) {
            throw new ModelException("config: a receptive field of " + rf + " samples is beyond namcl's limit of "
                    + MAX_RECEPTIVE_FIELD);
        }
        return new WaveNetConfig(arrays, postHead, inChannels, conditionDsp);
    }

    private static LayerArrayConfig layerArray(JsonNode a, String where) {
        Json.object(a, "a layer array", where);
        int inputSize = width(a, "input_size", where);
        int conditionSize = width(a, "condition_size", where);
        int channels = width(a, "channels", where);
        int bottleneck = a.has("bottleneck") && !a.get("bottleneck").isNull() ? width(a, "bottleneck", where) : channels;
        JsonNode dil = Json.required(a, "dilations", where);
        if (!dil.isArray() || dil.isEmpty()) {
            throw new ModelException(where + ": \"dilations\" must be a non-empty list");
        }
        int n = dil.size();
        int[] kernels = kernelSizes(a, n, where);
        List<Activation> acts = perLayer(Json.required(a, "activation", where), n, "activation", where);
        List<GatingMode> gating = gatingModes(a, n, where);
        List<Activation> secondary = secondaryActivations(a, gating, where);

        List<LayerSpec> specs = new ArrayList<>();
        for (int l = 0; l < n; l++) {
            int d = Json.asInt(dil.get(l), "dilations", where);
            if (d < 1 || d > MAX_DILATION) {
                throw new ModelException(where + ": dilation " + d + " of layer " + l + " must be in [1, "
                        + MAX_DILATION + "]");
            }
            checkSlopes(acts.get(l), bottleneck, where + " layer " + l + " activation");
            if (secondary.get(l) != null) {
                checkSlopes(secondary.get(l), bottleneck, where + " layer " + l + " secondary_activation");
            }
            specs.add(new LayerSpec(kernels[l], d, acts.get(l), gating.get(l), secondary.get(l)));
        }

        int headOut;
        int headKernel = 1;
        int headDilation = 1;
        boolean headBias;
        JsonNode head = Json.optional(a, "head");
        if (head != null) {
            Json.object(head, "\"head\"", where);
            headOut = width(head, "out_channels", where + " head");
            headKernel = Json.optionalInt(head, "kernel_size", 1, where + " head");
            headDilation = Json.optionalInt(head, "head_dilation", 1, where + " head");
            headBias = Json.optionalBool(head, "bias", true, where + " head");
            checkKernel(headKernel, where + " head");
            if (headDilation < 1 || headDilation > MAX_DILATION) {
                throw new ModelException(where + " head: head_dilation " + headDilation + " must be in [1, "
                        + MAX_DILATION + "]");
            }
        } else {
            headOut = width(a, "head_size", where);
            headBias = Json.optionalBool(a, "head_bias", true, where);
        }

        int groupsInput = Json.optionalInt(a, "groups_input", 1, where);
        int groupsMixin = Json.optionalInt(a, "groups_input_mixin", 1, where);
        JsonNode l1 = Json.optional(a, "layer1x1");
        if (l1 != null) {
            Json.object(l1, "\"layer1x1\"", where);
        }
        boolean l1Active = l1 == null || Json.optionalBool(l1, "active", true, where + " layer1x1");
        int l1Groups = l1 == null ? 1 : Json.optionalInt(l1, "groups", 1, where + " layer1x1");
        JsonNode h1 = Json.optional(a, "head1x1");
        if (h1 != null) {
            Json.object(h1, "\"head1x1\"", where);
        }
        boolean h1Active = h1 != null && Json.optionalBool(h1, "active", false, where + " head1x1");
        int h1Out = h1Active ? width(h1, "out_channels", where + " head1x1") : 0;
        int h1Groups = h1 == null ? 1 : Json.optionalInt(h1, "groups", 1, where + " head1x1");

        Map<FilmSlot, FilmSpec> films = new EnumMap<>(FilmSlot.class);
        for (FilmSlot slot : FilmSlot.values()) {
            films.put(slot, film(Json.optional(a, slot.key()), where + " " + slot.key()));
        }
        int[] allowed = allowedChannels(Json.optional(a, "slimmable"), channels, where);

        if (!l1Active && bottleneck != channels) {
            throw new ModelException(where + ": layer1x1 is inactive, so bottleneck (" + bottleneck
                    + ") must equal channels (" + channels + ")");
        }
        for (LayerSpec s : specs) {
            int zc = s.gating().convRowsPerChannel() * bottleneck;
            divides(groupsInput, channels, "groups_input", "channels", where);
            divides(groupsInput, zc, "groups_input", "conv outputs", where);
            divides(groupsMixin, conditionSize, "groups_input_mixin", "condition_size", where);
            divides(groupsMixin, zc, "groups_input_mixin", "conv outputs", where);
        }
        if (l1Active) {
            divides(l1Groups, bottleneck, "layer1x1 groups", "bottleneck", where);
            divides(l1Groups, channels, "layer1x1 groups", "channels", where);
        }
        if (h1Active) {
            divides(h1Groups, bottleneck, "head1x1 groups", "bottleneck", where);
            divides(h1Groups, h1Out, "head1x1 groups", "head1x1 out_channels", where);
        }
        for (LayerSpec s : specs) {
            int zc = s.gating().convRowsPerChannel() * bottleneck;
            for (FilmSlot slot : FilmSlot.values()) {
                FilmSpec f = films.get(slot);
                if (f.active()) {
                    int rows = (f.shift() ? 2 : 1) * slot.dim(channels, zc, bottleneck, conditionSize, h1Out);
                    divides(f.groups(), conditionSize, slot.key() + " groups", "condition_size", where);
                    divides(f.groups(), rows, slot.key() + " groups", "its " + rows + " output rows", where);
                }
            }
        }
        if (allowed != null) {
            boolean groupedFilm = films.values().stream().anyMatch(f -> f.active() && f.groups() != 1);
            if (groupsInput != 1 || groupsMixin != 1 || (l1Active && l1Groups != 1) || h1Active || groupedFilm) {
                throw new ModelException(where + ": a slimmable array must use groups 1 everywhere and no head1x1");
            }
            if (headKernel != 1) {
                throw new ModelException(where + ": a slimmable array needs a head kernel_size of 1");
            }
        }
        return new LayerArrayConfig(inputSize, conditionSize, channels, bottleneck, specs, headOut,
                headKernel, headBias, headDilation, groupsInput, groupsMixin, l1Active, l1Groups,
                h1Active, h1Out, h1Groups, films, allowed);
    }

    private static void checkSlopes(Activation a, int channels, String where) {
        if (!a.fitsChannels(channels)) {
            throw new ModelException(where + ": PReLU has " + a.params().length + " slopes for "
                    + channels + " channels");
        }
    }

    /** A channel count: at least 1, at most MAX_CHANNELS. */
    static int width(JsonNode obj, String key, String where) {
        int v = Json.positiveInt(obj, key, where);
        if (v > MAX_CHANNELS) {
            throw new ModelException(where + ": \"" + key + "\" " + v + " is beyond namcl's limit of " + MAX_CHANNELS);
        }
        return v;
    }

    private static void checkKernel(int k, String where) {
        if (k < 1 || k > MAX_KERNEL) {
            throw new ModelException(where + ": kernel size " + k + " must be in [1, " + MAX_KERNEL + "]");
        }
    }

    private static void divides(int groups, int n, String what, String of, String where) {
        if (groups < 1 || n % groups != 0) {
            throw new ModelException(where + ": " + what + " (" + groups + ") does not divide "
                    + of + " (" + n + ")");
        }
    }

    private static int[] kernelSizes(JsonNode a, int n, String where) {
        JsonNode one = Json.optional(a, "kernel_size");
        JsonNode many = Json.optional(a, "kernel_sizes");
        if ((one == null) == (many == null)) {
            throw new ModelException(where + ": exactly one of \"kernel_size\" and \"kernel_sizes\" must be given");
        }
        int[] k = new int[n];
        if (one != null) {
            java.util.Arrays.fill(k, Json.asInt(one, "kernel_size", where));
        } else {
            if (!many.isArray() || many.size() != n) {
                throw new ModelException(where + ": \"kernel_sizes\" must list one size per dilation (" + n + ")");
            }
            for (int l = 0; l < n; l++) {
                k[l] = Json.asInt(many.get(l), "kernel_sizes", where);
            }
        }
        for (int v : k) {
            checkKernel(v, where);
        }
        return k;
    }

    private static List<Activation> perLayer(JsonNode v, int n, String key, String where) {
        List<Activation> out = new ArrayList<>();
        if (v.isArray()) {
            if (v.size() != n) {
                throw new ModelException(where + ": \"" + key + "\" lists " + v.size()
                        + " entries for " + n + " layers");
            }
            for (JsonNode e : v) {
                out.add(activation(e, where));
            }
        } else {
            Activation a = activation(v, where);
            for (int i = 0; i < n; i++) {
                out.add(a);
            }
        }
        return out;
    }

    static Activation activation(JsonNode v, String where) {
        try {
            return Activation.parse(v);
        } catch (ModelException e) {
            throw new ModelException(where + ": " + e.getMessage());
        }
    }

    private static List<GatingMode> gatingModes(JsonNode a, int n, String where) {
        JsonNode mode = Json.optional(a, "gating_mode");
        List<GatingMode> out = new ArrayList<>();
        if (mode == null) {
            GatingMode g = Json.optionalBool(a, "gated", false, where) ? GatingMode.GATED : GatingMode.NONE;
            for (int i = 0; i < n; i++) {
                out.add(g);
            }
            return out;
        }
        try {
            if (mode.isArray()) {
                if (mode.size() != n) {
                    throw new ModelException("\"gating_mode\" lists " + mode.size() + " entries for " + n + " layers");
                }
                for (JsonNode m : mode) {
                    out.add(GatingMode.parse(m.asText()));
                }
            } else {
                GatingMode g = GatingMode.parse(mode.asText());
                for (int i = 0; i < n; i++) {
                    out.add(g);
                }
            }
        } catch (ModelException e) {
            throw new ModelException(where + ": " + e.getMessage());
        }
        return out;
    }

    /** Sigmoid wherever gating needs one and the file gives none (null or ""). */
    private static List<Activation> secondaryActivations(JsonNode a, List<GatingMode> gating, String where) {
        JsonNode v = Json.optional(a, "secondary_activation");
        int n = gating.size();
        if (v != null && v.isArray() && v.size() != n) {
            throw new ModelException(where + ": \"secondary_activation\" lists " + v.size()
                    + " entries for " + n + " layers");
        }
        List<Activation> out = new ArrayList<>();
        for (int l = 0; l < n; l++) {
            JsonNode e = v == null ? null : v.isArray() ? v.get(l) : v;
            boolean absent = e == null || e.isNull() || (e.isTextual() && e.asText().isEmpty());
            out.add(gating.get(l) == GatingMode.NONE ? null : absent ? Activation.SIGMOID : activation(e, where));
        }
        return out;
    }

    private static FilmSpec film(JsonNode v, String where) {
        if (v == null || (v.isBoolean() && !v.asBoolean())) {
            return FilmSpec.OFF;
        }
        if (v.isBoolean()) {
            return new FilmSpec(true, true, 1);
        }
        Json.object(v, "a FiLM slot", where);
        boolean active = Json.optionalBool(v, "active", true, where);
        return new FilmSpec(active, Json.optionalBool(v, "shift", true, where),
                Json.optionalInt(v, "groups", 1, where));
    }

    private static int[] allowedChannels(JsonNode v, int channels, String where) {
        if (v == null) {
            return null;
        }
        Json.object(v, "\"slimmable\"", where);
        JsonNode method = Json.optional(v, "method");
        if (method == null || !method.asText().equals("slice_channels_uniform")) {
            throw new ModelException(where + ": unknown slimmable method " + method
                    + " (supported: slice_channels_uniform)");
        }
        JsonNode kwargs = Json.object(Json.optional(v, "kwargs"), "slimmable kwargs", where);
        JsonNode list = Json.required(kwargs, "allowed_channels", where + " slimmable kwargs");
        if (!list.isArray() || list.isEmpty()) {
            throw new ModelException(where + ": \"allowed_channels\" must be a non-empty list");
        }
        int[] allowed = new int[list.size()];
        for (int i = 0; i < allowed.length; i++) {
            allowed[i] = Json.asInt(list.get(i), "allowed_channels", where);
            if (allowed[i] < 1 || (i > 0 && allowed[i] <= allowed[i - 1])) {
                throw new ModelException(where + ": \"allowed_channels\" must be positive and ascending");
            }
        }
        if (allowed[allowed.length - 1] != channels) {
            throw new ModelException(where + ": the last allowed_channels entry ("
                    + allowed[allowed.length - 1] + ") must equal channels (" + channels + ")");
        }
        return allowed;
    }

    private static PostHeadConfig postHead(JsonNode h, LayerArrayConfig last) {
        if (h == null) {
            return null;
        }
        String where = "post-stack head";
        Json.object(h, "\"head\"", where);
        int channels = width(h, "channels", where);
        int out = width(h, "out_channels", where);
        JsonNode ks = Json.optional(h, "kernel_sizes");
        List<Integer> kernels = new ArrayList<>();
        if (ks != null) {
            if (!ks.isArray() || ks.isEmpty()) {
                throw new ModelException(where + ": \"kernel_sizes\" must be a non-empty list");
            }
            for (JsonNode k : ks) {
                kernels.add(Json.asInt(k, "kernel_sizes", where));
            }
        } else {
            int layers = width(h, "num_layers", where);
            int k = Json.optionalInt(h, "kernel_size", 1, where);
            for (int i = 0; i < layers; i++) {
                kernels.add(k);
            }
        }
        for (int k : kernels) {
            checkKernel(k, where);
        }
        Activation act = activation(Json.required(h, "activation", where), where);
        // the activation runs on the head's input (the last array's head) and on each conv's output
        checkSlopes(act, last.headOutChannels(), where);
        if (kernels.size() > 1) {
            checkSlopes(act, channels, where);
        }
        return new PostHeadConfig(channels, out, kernels, act);
    }

    private static void validateChain(List<LayerArrayConfig> arrays, int inChannels, NamFile conditionDsp) {
        int cond = inChannels;
        if (conditionDsp != null && conditionDsp.root() instanceof ModelNode.WaveNetNode w) {
            cond = w.config().outChannels();
            if (w.config().inChannels() != inChannels) {
                throw new ModelException("the condition DSP takes " + w.config().inChannels()
                        + " input channel(s) but the model's input has " + inChannels);
            }
        }
        for (int i = 0; i < arrays.size(); i++) {
            LayerArrayConfig a = arrays.get(i);
            int expectedIn = i == 0 ? inChannels : arrays.get(i - 1).channels();
            if (a.inputSize() != expectedIn) {
                throw new ModelException("channel mismatch between arrays: layer array " + i + " has input_size "
                        + a.inputSize() + " but " + (i == 0 ? "the model's input has " + inChannels + " channel(s)"
                        : "layer array " + (i - 1) + " has " + expectedIn + " channels"));
            }
            // The trainer adds the incoming head to the layers' head terms; a 1-wide head broadcasts.
            int incoming = i > 0 ? arrays.get(i - 1).headOutChannels() : 0;
            if (i > 0 && incoming != a.layerHeadWidth() && incoming != 1) {
                throw new ModelException("channel mismatch between arrays: layer array " + (i - 1)
                        + " head has " + arrays.get(i - 1).headOutChannels() + " outputs but layer array " + i
                        + " accumulates a head of width " + a.layerHeadWidth());
            }
            if (a.conditionSize() != cond) {
                throw new ModelException("layer array " + i + ": condition_size " + a.conditionSize()
                        + " does not match the condition's " + cond + " channel(s)"
                        + (conditionDsp != null ? " (the condition DSP's output)" : " (the model input)"));
            }
        }
    }
}
