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

    /** The config key of this slot. */
    public String key() {
        return key;
    }
}
