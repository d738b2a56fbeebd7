package org.namcl.engine;

import org.namcl.model.net.Network;

/**
 * Whether an engine runs a network, and if not, why (one line for people). The rules every
 * engine shares live here, once.
 */
public record Support(String problem) {
    private static final Support YES = new Support(null);

    public static Support yes() {
        return YES;
    }

    public static Support no(String problem) {
        return new Support(problem);
    }

    public boolean supported() {
        return problem == null;
    }

    /** Every channel of a file is its own mono stream through the model, so models are mono in and out. */
    public static Support mono(Network net) {
        if (net.inChannels() != 1 || net.outChannels() != 1) {
            return no("namcl renders mono models; this one has " + net.inChannels() + " input and "
                    + net.outChannels() + " output channels");
        }
        return YES;
    }

    /** {@code this} when it says no, else {@code next}: rules checked in order, the first "no" wins. */
    public Support and(Support next) {
        return supported() ? next : this;
    }
}
