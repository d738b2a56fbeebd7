package org.namcl.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.namcl.cpu.WaveNetStreamer;
import org.namcl.model.net.WaveNet;

/**
 * Systematic damage to valid models: every key and list element, in turn, deleted or replaced
 * by null, a string, a negative number or another wrong type. Loading each must either succeed
 * or throw {@link ModelException}, never anything else (no NullPointerException, no index or
 * arithmetic exception); what loads must also resolve and render a few samples the same way.
 */
class NamLoaderFuzzTest {
    /** JSON null, strings, a negative number, and the other wrong types and edge values. */
    private static final List<String> REPLACEMENTS =
            List.of("null", "\"x\"", "\"\"", "-1", "0", "0.5", "3", "true", "{}", "[]");
    private static final String DELETE = "(deleted)";
    private static final int RENDERED_SAMPLES = 64;

    /** Two arrays (current and legacy keys), condition DSP, head1x1, FiLM, post head, metadata. */
    private static String richWaveNet() {
        GeneratedModel dsp = GeneratedModel.wavenet("""
                {"layers": [{"input_size": 1, "condition_size": 1, "channels": 1, "kernel_size": 2,
                             "dilations": [1], "activation": "Tanh",
                             "head": {"out_channels": 2, "kernel_size": 1, "bias": false}}],
                 "head_scale": 1}
                """, 1);
        GeneratedModel m = GeneratedModel.wavenet("""
                {"layers": [{"input_size": 1, "condition_size": 2, "channels": 2, "bottleneck": 2,
                             "kernel_sizes": [2, 1], "dilations": [1, 2],
                             "activation": ["Tanh", {"type": "PReLU", "negative_slopes": [0.1, 0.2]}],
                             "gating_mode": ["none", "gated"], "secondary_activation": [null, "Sigmoid"],
                             "head": {"out_channels": 1, "kernel_size": 2, "bias": true, "head_dilation": 1},
                             "groups_input": 1, "groups_input_mixin": 2,
                             "layer1x1": {"active": true, "groups": 1},
                             "head1x1": {"active": true, "out_channels": 2, "groups": 2},
                             "conv_post_film": {"active": true, "shift": true, "groups": 2},
                             "activation_pre_film": false},
                            {"input_size": 2, "condition_size": 2, "channels": 1, "kernel_size": 1,
                             "dilations": [1], "activation": "Tanh", "gated": false,
                             "head_size": 1, "head_bias": false}],
                 "head": {"channels": 1, "out_channels": 1, "kernel_sizes": [2], "activation": "Tanh"},
                 "head_scale": 0.02}
                """, dsp, 2);
        return JsonEdit.of(m.json()).set("/metadata", """
                {"name": "fuzz", "loudness": -20.5, "gain": 0.5, "input_level_dbu": 12,
                 "training": {"validation_esr": 0.01}, "date": {"year": 2024, "month": 1, "day": 2}}
                """).text();
    }

    /** A container: an LSTM for small sizes, then a slimmable WaveNet. */
    private static String container() {
        GeneratedModel slim = GeneratedModel.wavenet("""
                {"layers": [{"input_size": 1, "condition_size": 1, "channels": 3, "kernel_size": 2,
                             "dilations": [1, 2], "activation": "Tanh",
                             "head": {"out_channels": 1, "kernel_size": 1, "bias": true},
                             "slimmable": {"method": "slice_channels_uniform",
                                           "kwargs": {"allowed_channels": [1, 3]}}}],
                 "head_scale": 0.02}
                """, 3);
        return """
                {"version": "0.7.0", "architecture": "SlimmableContainer", "sample_rate": 48000,
                 "config": {"submodels": [
                     {"max_value": 0.3, "model": {"version": "0.5.4", "architecture": "LSTM",
                                                  "config": {"num_layers": 1, "input_size": 1, "hidden_size": 1},
                                                  "weights": [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]}},
                     {"max_value": 1.0, "model": %s}]},
                 "weights": []}
                """.formatted(slim.json());
    }

    @Test
    void damagedWaveNetLoadsOrThrowsModelException() {
        assertOnlyModelExceptions(richWaveNet());
    }

    @Test
    void damagedContainerLoadsOrThrowsModelException() {
        assertOnlyModelExceptions(container());
    }

    private static void assertOnlyModelExceptions(String valid) {
        exercise(NamLoader.parse(valid, "valid"));
        JsonNode root = JsonEdit.parse(valid);
        List<String> pointers = new ArrayList<>();
        collectPointers(root, "", pointers);
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (String pointer : pointers) {
            List<String> damages = new ArrayList<>(REPLACEMENTS);
            damages.add(DELETE);
            for (String damage : damages) {
                JsonEdit e = JsonEdit.copyOf(root);
                String text = (damage.equals(DELETE) ? e.remove(pointer) : e.set(pointer, damage)).text();
                cases++;
                try {
                    exercise(NamLoader.parse(text, "fuzz"));
                } catch (ModelException expected) {
                    // a refusal is fine
                } catch (RuntimeException | Error unexpected) {
                    failures.add(pointer + " = " + damage + ": " + unexpected);
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases + " damaged files threw something else "
                + "than ModelException:\n" + String.join("\n", failures));
    }

    /** Resolves the default and a small size, and renders a few samples through mono models. */
    private static void exercise(NamFile file) {
        for (WaveNet net : new WaveNet[] {file.resolve(WaveNet.class), file.resolve(0.5, WaveNet.class)}) {
            if (net.inChannels() == 1 && net.outChannels() == 1) {
                float[] x = new float[RENDERED_SAMPLES];
                Arrays.fill(x, 0.25f);
                new WaveNetStreamer(net).process(x, 0, x, 0, x.length);
            }
        }
    }

    /** Pointers to every object member and list element under {@code node}. */
    private static void collectPointers(JsonNode node, String at, List<String> out) {
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                out.add(at + "/" + key);
                collectPointers(node.get(key), at + "/" + key, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(at + "/" + i);
                collectPointers(node.get(i), at + "/" + i, out);
            }
        }
    }
}
