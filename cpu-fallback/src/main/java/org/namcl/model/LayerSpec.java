package org.namcl.model;

/**
 * One layer of a layer array: its dilated conv's kernel size and dilation, its activation and
 * gating. {@code secondary} is used only when gating is not {@link GatingMode#NONE}.
 */
public record LayerSpec(int kernelSize, int dilation, Activation activation, GatingMode gating,
                        Activation secondary) {

    /**
     * Samples of input history the layer's conv looks back over.
     *
     * @return dilation × (kernel size − 1)
     */
    public int lookback() {
        return dilation * (kernelSize - 1);
    }
}
