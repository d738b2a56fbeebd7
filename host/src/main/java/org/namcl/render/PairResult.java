package org.namcl.render;

/**
 * What rendering one (model, file) pair did.
 *
 * @param frames         frames written: the input's, and the tail's with --tail
 * @param channels       channels written: the input's, or 1 with --mix mono
 * @param inputFrames    frames of the input file
 * @param sampleRate     the input's (and output's) rate in Hz
 * @param clippedSamples output samples clipped to the PCM range
 * @param levels         the output's levels, measured before any PCM clipping
 */
public record PairResult(long frames, int channels, long inputFrames, int sampleRate, long clippedSamples,
                         Levels levels) {

    /**
     * Length of the input in seconds.
     *
     * @return input frames / sample rate
     */
    public double seconds() {
        return inputFrames / (double) sampleRate;
    }
}
