package org.namcl.render;

import java.util.OptionalInt;
import org.namcl.model.net.Network;

/**
 * How much silence {@code --tail} renders after a file: the length given by the user, or the
 * model's whole response to its last input (RF samples), or, for a model whose state carries
 * all earlier input (an LSTM: no receptive field), {@link RenderOptions#DEFAULT_TAIL_SECONDS}.
 */
final class TailLength {
    private TailLength() {
    }

    /** Frames of silence to append, counted at the file's rate (0 without {@code --tail}). */
    static long frames(RenderOptions options, Network net, int fileRate, int modelRate) {
        if (!options.tail()) {
            return 0;
        }
        if (options.tailSeconds() != null) {
            return (long) Math.ceil(options.tailSeconds() * fileRate);
        }
        OptionalInt rf = net.finiteReceptiveField();
        if (rf.isEmpty()) {
            return (long) Math.ceil(RenderOptions.DEFAULT_TAIL_SECONDS * fileRate);
        }
        return ((long) rf.getAsInt() * fileRate + modelRate - 1) / modelRate;
    }
}
