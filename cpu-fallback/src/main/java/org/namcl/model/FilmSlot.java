package org.namcl.model;

/** The eight FiLM positions of a layer, in weight order. */
public enum FilmSlot {
    /** On the layer's input, before the dilated conv. */
    CONV_PRE("conv_pre_film"),
    /** On the dilated conv's output. */
    CONV_POST("conv_post_film"),
    /** On the condition, before the input mixin. */
    INPUT_MIXIN_PRE("input_mixin_pre_film"),
    /** On the input mixin's output. */
    INPUT_MIXIN_POST("input_mixin_post_film"),
    /** On the activation's input. */
    ACTIVATION_PRE("activation_pre_film"),
    /** On the activation's (or gate's) output. */
    ACTIVATION_POST("activation_post_film"),
    /** On the layer 1x1's output. */
    LAYER1X1_POST("layer1x1_post_film"),
    /** On the head 1x1's output. */
    HEAD1X1_POST("head1x1_post_film");

    private final String key;

    FilmSlot(String key) {
        this.key = key;
    }

    /**
     * Rows this slot modulates, in a layer with the given widths (zc = the conv's rows: twice
     * the bottleneck when gated or blended).
     *
     * @param channels the layer's channels
     * @param zc the conv's rows
     * @param bottleneck the bottleneck's width
     * @param condition the condition's channels
     * @param head1x1Out the head 1x1's rows
     * @return the rows it scales
     */
    public int dim(int channels, int zc, int bottleneck, int condition, int head1x1Out) {
        return switch (this) {
            case CONV_PRE, LAYER1X1_POST -> channels;
            case CONV_POST, INPUT_MIXIN_POST, ACTIVATION_PRE -> zc;
            case INPUT_MIXIN_PRE -> condition;
            case ACTIVATION_POST -> bottleneck;
            case HEAD1X1_POST -> head1x1Out;
        };
    }

    /**
     * The config key of this slot.
     *
     * @return such as {@code "conv_pre_film"}
     */
    public String key() {
        return key;
    }
}
