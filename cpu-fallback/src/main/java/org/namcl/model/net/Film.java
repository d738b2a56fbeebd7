package org.namcl.model.net;

/**
 * Feature-wise linear modulation: y = x · scale(c) + shift(c), where {@code conv} maps the
 * condition c to rows [0, dim) = scale and, when {@code shift}, rows [dim, 2·dim) = shift.
 */
public record Film(int dim, boolean shift, Conv1x1 conv) {
}
