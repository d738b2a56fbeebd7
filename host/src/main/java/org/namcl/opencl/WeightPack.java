package org.namcl.opencl;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.namcl.model.Activation;
import org.namcl.model.ModelException;

/**
 * Packs one kernel's weights into a flat array and names each block's offset as a define
 * (e.g. {@code O_CONV_W=0}), so a kernel addresses its weights with compile-time constants.
 * Offsets depend only on the shape, so layers of equal shape still share a program.
 */
final class WeightPack {
    private float[] data = new float[256];
    private int size;
    private final Map<String, Object> defines = new LinkedHashMap<>();

    WeightPack define(String name, Object value) {
        defines.put(name, value);
        return this;
    }

    WeightPack define(String name, boolean value) {
        return define(name, value ? 1 : 0);
    }

    /** Appends {@code values} and defines {@code offsetName} as their offset. */
    WeightPack put(String offsetName, float[] values) {
        defines.put(offsetName, size);
        return append(values);
    }

    /** Appends {@code values} where the kernel computes their offset itself. */
    WeightPack append(float[] values) {
        if (size + values.length > data.length) {
            data = Arrays.copyOf(data, Math.max(2 * data.length, size + values.length));
        }
        System.arraycopy(values, 0, data, size, values.length);
        size += values.length;
        return this;
    }

    /**
     * Defines {@code name} as the kernel's activation kind macro ({@code ACT_<KIND>}, see
     * activations.cl; {@code ACT_IDENTITY} for null), {@code name_NP} as its parameter count and
     * {@code O_name} as their offset.
     * The model checked a per-channel PReLU's slopes against its channels when it was loaded.
     */
    WeightPack activation(String name, Activation act) {
        float[] params = act == null ? new float[0] : act.params();
        define(name, act == null ? "ACT_IDENTITY" : "ACT_" + act.kind().name());
        define(name + "_NP", params.length);
        return put("O_" + name, params);
    }

    KernelSpec spec(String kernel, List<String> sources) {
        return new KernelSpec(kernel, sources, defines, Arrays.copyOf(data, size));
    }
}
