package org.namcl.render;

/**
 * What rendering one (model, file) pair did.
 *
 * @param frames         frames of the input file
 * @param channels       channels of the input file
 * @param sampleRate     the input's (and output's) rate in Hz
 * @param clippedSamples output samples clipped to the PCM range
 * @param levels         the output's levels, measured before any PCM clipping
 */
public record PairResult(long frames, int channels, int sampleRate, long clippedSamples, Levels levels) {

    /** Length of the input in seconds. */
    public double seconds() {
        return frames / (double) sampleRate;
    }
}
