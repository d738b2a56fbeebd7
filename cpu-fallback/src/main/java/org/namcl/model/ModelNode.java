package org.namcl.model;

import java.util.List;
import org.namcl.model.net.Network;

/** The architecture-specific part of a loaded {@code .nam} file. */
public sealed interface ModelNode {

    /** A WaveNet: its validated config and its flat weights. */
    record WaveNetNode(WaveNetConfig config, float[] weights) implements ModelNode {
    }

    /** A SlimmableContainer: submodels sorted by ascending {@code maxValue}. */
    record ContainerNode(List<Submodel> submodels) implements ModelNode {
        /** @param submodels sorted by ascending {@code maxValue}, copied */
        public ContainerNode {
            submodels = List.copyOf(submodels);
        }
    }

    /** A container entry: used for sizes below {@code maxValue}. */
    record Submodel(double maxValue, NamFile model) {
    }

    /** A network with no size to choose (LSTM, ConvNet, Linear), built when the file is loaded. */
    record FixedNode(Network network) implements ModelNode {
    }
}
