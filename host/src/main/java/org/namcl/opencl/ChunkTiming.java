package org.namcl.opencl;

/** When each stage of one device chunk ran, in device nanoseconds (engines made with profiling). */
public record ChunkTiming(long uploadStart, long uploadEnd, long computeEnd, long downloadStart, long downloadEnd) {
}
