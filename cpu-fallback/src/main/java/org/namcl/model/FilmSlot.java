package org.namcl.model;

/** The eight FiLM positions of a layer, in weight order. */
public enum FilmSlot {
    CONV_PRE("conv_pre_film"),
    CONV_POST("conv_post_film"),
    INPUT_MIXIN_PRE("input_mixin_pre_film"),
    INPUT_MIXIN_POST("input_mixin_post_film"),
    ACTIVATION_PRE("activation_pre_film"),
    ACTIVATION_POST("activation_post_film"),
    LAYER1X1_POST("layer1x1_post_film"),
    HEAD1X1_POST("head1x1_post_film");

    private final String key;

    FilmSlot(String key) {
        this.key = key;
    }

    /**
     * Rows this slot modulates, in a layer with the given widths (zc = the conv's rows: twice
     * the bottleneck when gated or blended).
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

    /** The config key of this slot. */
    public String key() {
        return key;
    }
}
