package org.namcl.model;

import java.util.List;

/** The architecture-specific part of a loaded {@code .nam} file. */
public sealed interface ModelNode {

    /** A WaveNet: its validated config and its flat weights. */
    record WaveNetNode(WaveNetConfig config, float[] weights) implements ModelNode {
    }

    /** A SlimmableContainer: submodels sorted by ascending {@code maxValue}. */
    record ContainerNode(List<Submodel> submodels) implements ModelNode {
        public ContainerNode {
            submodels = List.copyOf(submodels);
        }
    }

    /** A container entry: used for sizes below {@code maxValue}. */
    record Submodel(double maxValue, NamFile model) {
    }

    /** An architecture namcl knows but cannot run yet (LSTM, ConvNet, Linear). */
    record UnsupportedNode(String architecture) implements ModelNode {
    }
}
