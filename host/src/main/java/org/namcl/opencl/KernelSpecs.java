package org.namcl.opencl;

import java.util.List;

import org.namcl.model.Activation;
import org.namcl.model.FilmSlot;
import org.namcl.model.net.Conv1d;
import org.namcl.model.net.Conv1x1;
import org.namcl.model.net.Film;
import org.namcl.model.net.Layer;

/**
 * Turns the resolved network's parts into {@link KernelSpec}s: the define names here are the
 * ones documented at the top of wavenet_layer.cl and causal_conv.cl.
 */
final class KernelSpecs {
    private static final String LAYER_KERNEL = "wavenet_layer";
    private static final String FUSED_KERNEL = "wavenet_fused";
    private static final String CONV_KERNEL = "causal_conv";
    private static final List<String> LAYER_SOURCES = List.of("activations", "wavenet_layer_core", "wavenet_layer");
    private static final List<String> FUSED_SOURCES = List.of("activations", "wavenet_layer_core", "wavenet_fused");
    private static final List<String> CONV_SOURCES = List.of("activations", "causal_conv");

    private KernelSpecs() {
    }

    /** The fused layer kernel; dilation and head start mode are launch arguments. */
    static KernelSpec layer(Layer l) {
        return layerPack(l).define("TAPSPACE", "__global").spec(LAYER_KERNEL, LAYER_SOURCES);
    }

    /**
     * Consecutive layers of one shape (equal {@link #layer} defines) through one work-group's
     * local memory, {@code tile} positions a group; the head start mode is a launch argument.
     */
    static KernelSpec fused(List<Layer> layers, int tile) {
        KernelSpec first = layer(layers.get(0));
        WeightPack p = new WeightPack();
        first.defines().forEach(p::define);
        StringBuilder dilations = new StringBuilder();
        int halo = 0;
        for (Layer l : layers) {
            KernelSpec s = layer(l);
            if (!s.defines().equals(first.defines())) {
                throw new IllegalArgumentException("fused layers must share one shape");
            }
            p.append(s.weights());
            dilations.append(dilations.length() == 0 ? "" : ",").append(l.conv().dilation());
            halo += FusionPlanner.reach(l);
        }
        return p.define("TAPSPACE", "__local")
                .define("FK", layers.size())
                .define("DILS", dilations)
                .define("HALO", halo)
                .define("TILE", tile)
                .define("LAYER_W", first.weights().length)
                .spec(FUSED_KERNEL, FUSED_SOURCES);
    }

    private static WeightPack layerPack(Layer l) {
        Conv1d conv = l.conv();
        Conv1x1 mixin = l.mixin();
        if (conv.bias() == null) {
            throw new IllegalArgumentException("a layer conv always has a bias");
        }
        WeightPack p = new WeightPack()
                .define("CH", l.channels())
                .define("BN", l.bottleneck())
                .define("ZC", conv.outChannels())
                .define("K", conv.kernelSize())
                .define("GI", conv.groups())
                .define("COND", mixin.inChannels())
                .define("GM", mixin.groups())
                .define("HW", l.headWidth())
                .define("GATING", "GATE_" + l.spec().gating().name())
                .put("O_CONV_W", conv.weights())
                .put("O_CONV_B", conv.bias())
                .put("O_MIX_W", mixin.weights())
                .activation("ACT", l.spec().activation())
                .activation("SEC", l.spec().secondary());
        pointwise(p, "L1", l.layer1x1());
        pointwise(p, "H1", l.head1x1());
        for (FilmSlot slot : FilmSlot.values()) {
            Film f = l.film(slot);
            if (f != null) {
                String s = "F_" + slot.name();
                p.define(s, 1)
                        .define(s + "_SHIFT", f.shift())
                        .define(s + "_G", f.conv().groups())
                        .put("O_" + s + "_W", f.conv().weights())
                        .put("O_" + s + "_B", f.conv().bias());
            }
        }
        return p;
    }

    /** layer1x1 / head1x1: {@code <name>1X1} = 1 plus groups and weights when active. */
    private static void pointwise(WeightPack p, String name, Conv1x1 c) {
        if (c != null) {
            p.define(name + "X1", 1)
                    .define(name + "G", c.groups())
                    .put("O_" + name + "_W", c.weights())
                    .put("O_" + name + "_B", c.bias());
        }
    }

    /**
     * A causal conv's weights, bias (zeros when it has none: adding them changes nothing) and
     * pre-activation {@code pre} (or null) on its inputs; causal_conv takes the shape as launch
     * arguments, so the spec depends on the activation only.
     */
    static KernelSpec conv(int out, float[] weights, float[] bias, Activation pre) {
        return new WeightPack()
                .activation("PRE", pre)
                .append(weights)
                .append(bias == null ? new float[out] : bias)
                .spec(CONV_KERNEL, CONV_SOURCES);
    }
}
