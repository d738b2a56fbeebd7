package org.namcl.pipeline;

/**
 * One segment of a long job's input (see {@link ReadAhead#segments}).
 *
 * @param channels one array per channel: {@code held} frames repeated from before, then {@code frames} new ones
 * @param held     frames repeated from the input before the segment
 * @param frames   new frames
 */
public record Segment(float[][] channels, int held, int frames) {
}
