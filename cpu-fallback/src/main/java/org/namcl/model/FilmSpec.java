package org.namcl.model;

/**
 * One FiLM slot's settings: y = x * scale(c) + shift(c), the scale (and shift) computed from the
 * condition by a grouped 1x1 with bias.
 *
 * @param active whether the slot has a FiLM
 * @param shift whether it shifts as well as scales
 * @param groups the groups of its 1x1
 */
public record FilmSpec(boolean active, boolean shift, int groups) {
    /** No FiLM in the slot. */
    public static final FilmSpec OFF = new FilmSpec(false, true, 1);
}
