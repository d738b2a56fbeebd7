package org.namcl.render;

/**
 * Text from strangers (file names, model metadata) made safe for a terminal: control characters,
 * which could move the cursor, recolour or retitle the terminal, are shown as '?'.
 */
public final class Printable {
    private Printable() {
    }

    /**
     * A string as it may reach a terminal.
     *
     * @param s any text, strangers' names included
     * @return the same, control characters shown as '?'
     */
    public static String of(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && c != '\n') {
                if (b == null) {
                    b = new StringBuilder(s.length()).append(s, 0, i);
                }
                b.append('?');
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
