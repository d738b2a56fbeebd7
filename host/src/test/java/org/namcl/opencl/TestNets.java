package org.namcl.opencl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.namcl.model.Activation;
import org.namcl.model.GatingMode;
import org.namcl.model.LayerSpec;
import org.namcl.model.net.Conv1d;
import org.namcl.model.net.Conv1x1;
import org.namcl.model.net.Layer;
import org.namcl.model.net.LayerArray;
import org.namcl.model.net.PostHead;
import org.namcl.model.net.WaveNet;

/** Small WaveNets with random weights, built from the model records directly. */
final class TestNets {
    private final Random rnd;

    TestNets(long seed) {
        this.rnd = new Random(seed);
    }

    /** NAM's standard A1 shape: 2 arrays of 10 Tanh layers (kernel 3, dilations 1..512), 16 then 8 channels. */
    WaveNet standard() {
        int[] d = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512};
        return net(List.of(array(1, 1, 16, 8, 3, d), array(16, 1, 8, 1, 3, d)), null, null);
    }

    /** Plain layers (Tanh, no gating, layer1x1 active, no head1x1), head rechannel of kernel 1. */
    LayerArray array(int in, int cond, int channels, int headOut, int kernel, int... dilations) {
        List<Layer> layers = new ArrayList<>();
        for (int d : dilations) {
            LayerSpec spec = new LayerSpec(kernel, d, Activation.TANH, GatingMode.NONE, null);
            layers.add(new Layer(spec, channels, channels, conv(channels, channels, kernel, d, true),
                    pointwise(cond, channels, false), pointwise(channels, channels, true), null, Map.of()));
        }
        return new LayerArray(in, cond, channels, pointwise(in, channels, false), layers,
                conv(channels, headOut, 1, 1, true));
    }

    WaveNet net(List<LayerArray> arrays, PostHead postHead, WaveNet conditionDsp) {
        return new WaveNet(arrays, postHead, 0.5f, 1, conditionDsp, 48000);
    }

    Conv1d conv(int in, int out, int k, int dilation, boolean bias) {
        return new Conv1d(in, out, k, dilation, 1, weights(out * in * k), bias ? weights(out) : null);
    }

    Conv1x1 pointwise(int in, int out, boolean bias) {
        return new Conv1x1(in, out, 1, weights(out * in), bias ? weights(out) : null);
    }

    private float[] weights(int n) {
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (rnd.nextFloat() * 2 - 1) * 0.5f;
        }
        return w;
    }
}
