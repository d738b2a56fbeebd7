package org.namcl.eval;

/**
 * How the target's lag behind the DI is known ({@code --latency}): found per pair (auto), or
 * forced to a number of samples.
 *
 * @param forced the lag in samples, or null for auto
 */
public record Latency(Integer forced) {
    public static final Latency AUTO = new Latency(null);

    /** @throws IllegalArgumentException naming --latency when {@code text} is neither auto nor a whole number */
    public static Latency parse(String text) {
        String s = text.strip();
        if (s.equalsIgnoreCase("auto")) {
            return AUTO;
        }
        try {
            return new Latency(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--latency must be auto or a whole number of samples, got '" + text + "'");
        }
    }

    public boolean auto() {
        return forced == null;
    }

    @Override
    public String toString() {
        return auto() ? "auto" : forced.toString();
    }
}
