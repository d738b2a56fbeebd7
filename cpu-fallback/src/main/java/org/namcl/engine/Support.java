package org.namcl.engine;

import org.namcl.model.net.Network;

/**
 * Whether an engine runs a network, and if not, why (one line for people). The rules every
 * engine shares live here, once.
 */
public record Support(String problem) {
    /**
     * @param problem why not (one line for people), or null when it runs
     */
    public Support {
    }

    private static final Support YES = new Support(null);

    /**
     * It runs.
     *
     * @return the answer yes
     */
    public static Support yes() {
        return YES;
    }

    /**
     * It does not run.
     *
     * @param problem why not, one line for people
     * @return the answer no
     */
    public static Support no(String problem) {
        return new Support(problem);
    }

    /**
     * Whether it runs.
     *
     * @return true for yes
     */
    public boolean supported() {
        return problem == null;
    }

    /**
     * Every channel of a file is its own mono stream through the model, so models are mono in and out.
     *
     * @param net the network
     * @return yes when it is mono in and out
     */
    public static Support mono(Network net) {
        if (net.inChannels() != 1 || net.outChannels() != 1) {
            return no("namcl renders mono models; this one has " + net.inChannels() + " input and "
                    + net.outChannels() + " output channels");
        }
        return YES;
    }

    /**
     * Rules checked in order: the first "no" wins.
     *
     * @param next the next rule's answer
     * @return {@code this} when it says no, else {@code next}
     */
    public Support and(Support next) {
        return supported() ? next : this;
    }
}
