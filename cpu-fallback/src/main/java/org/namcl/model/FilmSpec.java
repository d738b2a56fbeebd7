package org.namcl.model;

/**
 * One FiLM slot's settings: y = x * scale(c) + shift(c), the scale (and shift) computed from the
 * condition by a grouped 1x1 with bias.
 */
public record FilmSpec(boolean active, boolean shift, int groups) {
    public static final FilmSpec OFF = new FilmSpec(false, true, 1);
}
