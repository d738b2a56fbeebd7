package org.namcl.eval;

/**
 * How a model's output compares with its recorded target over one segment, after alignment.
 * A value that is undefined for the signals given (ESR of a silent target, the gain of a silent
 * output) is null.
 *
 * @param latency         samples the target lags the output by (applied before comparing)
 * @param start           first output sample compared
 * @param length          samples compared
 * @param esr             mean((y - t)^2) / mean(t^2): NAM's trainer's ESR
 * @param esrPreEmphasis  the same after y[n] - 0.85 y[n-1] on both signals
 * @param gainDb          20 log10(g), g minimising sum (t - g y)^2: the gain that brings the output
 *                        to the target (null when g is not positive)
 * @param dcOffset        mean(y) - mean(t)
 * @param residualRmsDbfs RMS of y - t in dB relative to 1.0 (null when the residual is exactly zero)
 */
public record PairMetrics(int latency, long start, long length, Double esr, Double esrPreEmphasis,
                          Double gainDb, double dcOffset, Double residualRmsDbfs,
                          double outputPeak, double targetPeak, double residualPeak) {
}
