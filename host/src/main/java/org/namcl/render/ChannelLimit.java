package org.namcl.render;

/**
 * How many channels of a file are rendered, each through its own stream of the model: every one
 * costs buffers and model state in every engine, so a file may declare any number (its header
 * allows 65535), but more than {@link #MAX} are refused before anything is sized from them.
 * A downmix (--mix mono) is one channel, whatever the file has.
 */
final class ChannelLimit {
    /** Enough for 7th-order ambisonics and any surround layout. */
    static final int MAX = 64;

    private ChannelLimit() {
    }

    /** @throws RenderException when {@code fileChannels} would be rendered and are more than {@link #MAX} */
    static void check(int fileChannels, boolean mixMono) {
        if (!mixMono && fileChannels > MAX) {
            throw new RenderException("the file has " + fileChannels + " channels; namcl renders at most " + MAX
                    + " channels of a file, each on its own (--mix mono renders their downmix)");
        }
    }
}
