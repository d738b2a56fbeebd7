package org.namcl.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.namcl.model.FilmSlot;
import org.namcl.model.GatingMode;
import org.namcl.model.LayerArrayConfig;
import org.namcl.model.LayerSpec;
import org.namcl.model.Metadata;
import org.namcl.model.ModelNode;
import org.namcl.model.NamFile;
import org.namcl.model.PostHeadConfig;
import org.namcl.model.WaveNetConfig;
import org.namcl.model.net.Conv1d;
import org.namcl.model.net.ConvNet;
import org.namcl.model.net.Linear;
import org.namcl.model.net.Lstm;
import org.namcl.model.net.Network;
import org.namcl.model.net.WaveNet;

/** What {@code namcl info} prints about a model: an indented list of "key  value" lines. */
final class ModelDescription {
    /** Column where values start, so they line up at every depth. */
    private static final int VALUE_COLUMN = 24;

    private final StringBuilder out = new StringBuilder();

    private ModelDescription() {
    }

    static String of(NamFile file) {
        ModelDescription d = new ModelDescription();
        d.out.append(file.source()).append('\n');
        d.model(file, 1);
        d.metadata(file.metadata());
        return d.out.toString();
    }

    private void model(NamFile file, int depth) {
        line(depth, "architecture", file.architecture() + ", .nam version " + file.version());
        line(depth, "sample rate", file.sampleRate() == null
                ? "unknown (" + hz(NamFile.DEFAULT_SAMPLE_RATE) + " assumed)" : hz(file.sampleRate()));
        if (file.root() instanceof ModelNode.WaveNetNode w) {
            waveNet(file, w.config(), depth);
        } else if (file.root() instanceof ModelNode.ContainerNode c) {
            container(c, depth);
        } else if (file.root() instanceof ModelNode.FixedNode f) {
            fixed(f.network(), file.sampleRateOrDefault(), depth);
        }
    }

    /** An LSTM, ConvNet or Linear: its shape and parameters. */
    private void fixed(Network net, double rate, int depth) {
        OptionalInt rf = net.finiteReceptiveField();
        if (rf.isPresent()) {
            receptiveField(rf.getAsInt(), rate, depth);
        } else {
            line(depth, "receptive field", "none (its state carries all earlier input)");
        }
        line(depth, "parameters", String.valueOf(net.parameterCount()));
        if (net instanceof Lstm l) {
            line(depth, "layers", String.valueOf(l.layers().size()));
            line(depth, "input size", String.valueOf(l.inChannels()));
            line(depth, "hidden size", String.valueOf(l.hiddenSize()));
            line(depth, "start-up", "stored state, then " + l.prewarmSamples() + " samples of silence");
        } else if (net instanceof ConvNet c) {
            line(depth, "channels", String.valueOf(c.channels()));
            line(depth, "dilations", join(c.convs().stream().map(Conv1d::dilation).toList()));
            line(depth, "batch norm", c.batchNorm() ? "yes (folded into the convs)" : "no");
            line(depth, "activation", String.valueOf(c.activation()));
        } else if (net instanceof Linear f) {
            line(depth, "taps", String.valueOf(f.taps().length));
            line(depth, "bias", f.hasBias() ? "yes" : "no");
        }
    }

    private void receptiveField(int rf, double rate, int depth) {
        line(depth, "receptive field", String.format(Locale.ROOT, "%d samples (%.1f ms)", rf, 1000.0 * rf / rate));
    }

    private void waveNet(NamFile file, WaveNetConfig config, int depth) {
        WaveNet net = file.resolve(WaveNet.class);
        receptiveField(net.receptiveField(), file.sampleRateOrDefault(), depth);
        line(depth, "parameters", String.valueOf(net.parameterCount()));
        if (config.inChannels() != 1 || config.outChannels() != 1) {
            line(depth, "channels", config.inChannels() + " in, " + config.outChannels() + " out");
        }
        for (int i = 0; i < config.arrays().size(); i++) {
            line(depth, "layer array " + i, "");
            layerArray(config.arrays().get(i), depth + 1);
        }
        if (config.postHead() != null) {
            PostHeadConfig h = config.postHead();
            line(depth, "post-stack head", h.channels() + " channels, " + h.outChannels() + " out, kernel sizes "
                    + join(h.kernelSizes()) + ", " + h.activation());
        }
        line(depth, "slimmable", config.slimmable() ? "yes (--slim picks the width)" : "no");
        if (config.conditionDsp() != null) {
            line(depth, "condition DSP", "");
            model(config.conditionDsp(), depth + 1);
        } else {
            line(depth, "condition DSP", "none (the input)");
        }
    }

    private void layerArray(LayerArrayConfig a, int depth) {
        List<LayerSpec> layers = a.layers();
        line(depth, "channels", a.channels() + " (input " + a.inputSize() + ", condition " + a.conditionSize()
                + ", bottleneck " + a.bottleneck() + ")");
        line(depth, "layers", String.valueOf(layers.size()));
        line(depth, "kernel sizes", summary(layers, l -> String.valueOf(l.kernelSize())));
        line(depth, "dilations", join(layers.stream().map(LayerSpec::dilation).toList()));
        line(depth, "activation", summary(layers, l -> String.valueOf(l.activation())));
        line(depth, "gating", summary(layers, l -> l.gating() == GatingMode.NONE ? "none"
                : l.gating().name().toLowerCase(Locale.ROOT) + " (" + l.secondary() + ")"));
        line(depth, "head size", a.headOutChannels() + (a.headKernelSize() > 1 ? ", kernel " + a.headKernelSize()
                + (a.headDilation() > 1 ? ", dilation " + a.headDilation() : "") : "")
                + (a.headBias() ? "" : ", no bias"));
        List<String> extras = new ArrayList<>();
        if (a.groupsInput() != 1) {
            extras.add("groups_input " + a.groupsInput());
        }
        if (a.groupsInputMixin() != 1) {
            extras.add("groups_input_mixin " + a.groupsInputMixin());
        }
        if (!a.layer1x1Active()) {
            extras.add("layer1x1 off");
        } else if (a.layer1x1Groups() != 1) {
            extras.add("layer1x1 groups " + a.layer1x1Groups());
        }
        if (a.head1x1Active()) {
            extras.add("head1x1 " + a.head1x1OutChannels() + " out"
                    + (a.head1x1Groups() != 1 ? ", groups " + a.head1x1Groups() : ""));
        }
        for (FilmSlot slot : FilmSlot.values()) {
            if (a.film(slot).active()) {
                extras.add(slot.key());
            }
        }
        if (!extras.isEmpty()) {
            line(depth, "features", String.join(", ", extras));
        }
        if (a.slimmable()) {
            line(depth, "allowed channels", Arrays.stream(a.allowedChannels()).mapToObj(String::valueOf)
                    .collect(Collectors.joining(", ")));
        }
    }

    private void container(ModelNode.ContainerNode c, int depth) {
        List<ModelNode.Submodel> subs = c.submodels();
        line(depth, "slimmable", "yes: " + subs.size() + " submodels, --slim picks one (default: the last)");
        double from = 0;
        for (int i = 0; i < subs.size(); i++) {
            double max = subs.get(i).maxValue();
            line(depth, "submodel " + i, String.format(Locale.ROOT, "max_value %s (sizes %s to below %s)",
                    number(max), number(from), number(max)));
            model(subs.get(i).model(), depth + 1);
            from = max;
        }
    }

    private void metadata(Metadata m) {
        int before = out.length();
        line(1, "metadata", "");
        int header = out.length();
        optional("name", m.name());
        optional("modeled by", m.modeledBy());
        String gear = String.join(" ", nonNull(m.gearMake(), m.gearModel()));
        optional("gear", gear.isEmpty() ? m.gearType()
                : m.gearType() == null ? gear : gear + " (" + m.gearType() + ")");
        optional("tone", m.toneType());
        optional("loudness", m.loudness() == null ? null : String.format(Locale.ROOT, "%.2f dB", m.loudness()));
        optional("input level", m.inputLevelDbu() == null ? null : number(m.inputLevelDbu()) + " dBu");
        optional("output level", m.outputLevelDbu() == null ? null : number(m.outputLevelDbu()) + " dBu");
        optional("validation ESR", m.validationEsr() == null ? null
                : String.format(Locale.ROOT, "%.6g", m.validationEsr()));
        optional("date", m.date());
        if (out.length() == header) {
            out.setLength(before);
            line(1, "metadata", "none");
        }
    }

    private void optional(String key, String value) {
        if (value != null && !value.isBlank()) {
            line(2, key, value);
        }
    }

    private void line(int depth, String key, String value) {
        String start = "  ".repeat(depth) + key;
        out.append(start);
        if (!value.isEmpty()) {
            out.append(" ".repeat(Math.max(1, VALUE_COLUMN - start.length()))).append(value);
        }
        out.append('\n');
    }

    /** One value when every layer has it, else the per-layer list. */
    private static String summary(List<LayerSpec> layers, Function<LayerSpec, String> f) {
        List<String> values = layers.stream().map(f).toList();
        return values.stream().distinct().count() == 1 ? values.get(0) : "per layer: " + String.join(", ", values);
    }

    private static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static List<String> nonNull(String... values) {
        return Arrays.stream(values).filter(v -> v != null && !v.isBlank()).toList();
    }

    private static String hz(double rate) {
        return number(rate) + " Hz";
    }

    /** 48000 rather than 48000.0; other numbers as Java writes them. */
    private static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.valueOf((long) x) : String.valueOf(x);
    }
}
