package org.namcl.model;

import java.util.List;
import org.namcl.model.net.Network;
import org.namcl.model.net.WaveNet;

/**
 * A loaded, validated {@code .nam} file.
 *
 * @param source     where it came from (file name), used in error messages
 * @param sampleRate the model's rate in Hz, or null when the file does not say
 */
public record NamFile(String source, String version, String architecture, Double sampleRate,
                      Metadata metadata, ModelNode root) {

    /** Rate used when the file gives none (NAM's convention). */
    public static final double DEFAULT_SAMPLE_RATE = 48000.0;

    /**
     * The rate the model expects its input at.
     *
     * @return the file's sample rate, or {@link #DEFAULT_SAMPLE_RATE} when it gives none
     */
    public double sampleRateOrDefault() {
        return sampleRate != null ? sampleRate : DEFAULT_SAMPLE_RATE;
    }

    /**
     * Whether a size choice changes this model.
     *
     * @return true for a slimmable WaveNet or a container
     */
    public boolean slimmable() {
        if (root instanceof ModelNode.WaveNetNode w) {
            return w.config().slimmable();
        }
        return root instanceof ModelNode.ContainerNode;
    }

    /**
     * The default network: full width, or a container's last (largest) submodel.
     *
     * @return the network, ready for an engine
     * @throws ModelException naming the file when its weights do not make a network
     */
    public Network resolve() {
        return resolve(Double.NaN);
    }

    /**
     * The network for size {@code slim} in [0, 1] (NaN = default). A container picks its first
     * submodel with slim &lt; max_value (the last when none); a slimmable WaveNet picks its width.
     *
     * @param slim the size, or NaN for the default
     * @return the network, ready for an engine
     * @throws ModelException naming the file when the size is out of range or the weights do not
     *     make a network
     */
    public Network resolve(double slim) {
        if (!Double.isNaN(slim) && !(slim >= 0 && slim <= 1)) {
            throw new ModelException(source + ": size must be in [0, 1], got " + slim);
        }
        try {
            if (root instanceof ModelNode.WaveNetNode w) {
                return WaveNetBuilder.build(w.config(), w.weights(), slim, conditionDsp(w.config()),
                        sampleRateOrDefault());
            }
            if (root instanceof ModelNode.ContainerNode c) {
                return pick(c.submodels(), slim).resolve(slim);
            }
            return ((ModelNode.FixedNode) root).network();
        } catch (ModelException e) {
            throw e.inFile(source);
        }
    }

    /**
     * {@link #resolve()}, for callers that handle one architecture only.
     *
     * @param <N> the architecture's class
     * @param type the architecture's class
     * @return the network
     * @throws ModelException naming the file when the network is of another architecture
     */
    public <N extends Network> N resolve(Class<N> type) {
        return resolve(Double.NaN, type);
    }

    /**
     * {@link #resolve(double)}, for callers that handle one architecture only.
     *
     * @param <N> the architecture's class
     * @param slim the size, or NaN for the default
     * @param type the architecture's class
     * @return the network
     * @throws ModelException naming the file when the network is of another architecture
     */
    public <N extends Network> N resolve(double slim, Class<N> type) {
        Network net = resolve(slim);
        if (!type.isInstance(net)) {
            throw new ModelException(source + ": a " + net.architecture() + " model, not a " + type.getSimpleName());
        }
        return type.cast(net);
    }

    private WaveNet conditionDsp(WaveNetConfig config) {
        return config.conditionDsp() == null ? null : config.conditionDsp().resolve(WaveNet.class);
    }

    private static NamFile pick(List<ModelNode.Submodel> submodels, double slim) {
        if (!Double.isNaN(slim)) {
            for (ModelNode.Submodel s : submodels) {
                if (slim < s.maxValue()) {
                    return s.model();
                }
            }
        }
        return submodels.get(submodels.size() - 1).model();
    }
}
