package org.namcl.model;

import java.util.Locale;

/** How a layer combines its two halves of the conv output (see NAM-SPEC, forward pass). */
public enum GatingMode {
    /** a = act(z) */
    NONE,
    /** a = act(z[:B]) * sec(z[B:]) */
    GATED,
    /** s = sec(z[B:]); a = s * act(z[:B]) + (1 - s) * z[:B] */
    BLENDED;

    static GatingMode parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "gated" -> GATED;
            case "blended" -> BLENDED;
            default -> throw new ModelException("unknown gating_mode \"" + s
                    + "\" (expected none, gated or blended)");
        };
    }

    /**
     * Rows the layer's conv produces per bottleneck channel.
     *
     * @return 1 without a gate, else 2
     */
    public int convRowsPerChannel() {
        return this == NONE ? 1 : 2;
    }
}
