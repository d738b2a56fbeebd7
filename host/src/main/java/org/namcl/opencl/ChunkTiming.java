package org.namcl.opencl;

/**
 * When each stage of one device chunk ran, in device nanoseconds (the OpenCL profiling clock, so
 * only differences and order mean anything), as reported to
 * {@link OpenClEngine#chunkTimings(java.util.function.Consumer)} by engines made with profiling.
 * Uploads, kernels and downloads run on separate queues, so while chunk i computes, chunk i + 1
 * may upload and chunk i − 1 download; comparing successive chunks' timings shows whether they do.
 *
 * @param uploadStart   when the chunk's input upload started
 * @param uploadEnd     when the chunk's input upload ended
 * @param computeEnd    when the chunk's last kernel launch ended
 * @param downloadStart when the chunk's output download started
 * @param downloadEnd   when the chunk's output download ended
 */
public record ChunkTiming(long uploadStart, long uploadEnd, long computeEnd, long downloadStart, long downloadEnd) {
}
