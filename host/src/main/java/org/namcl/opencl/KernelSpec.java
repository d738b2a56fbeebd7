package org.namcl.opencl;

import java.util.List;
import java.util.Map;

/**
 * One kernel ready to compile and feed: its function name, source files (kernels-cl names,
 * concatenated in order), compile-time defines (shape, activation kinds, weight offsets) and its
 * packed weights. Two launches with equal sources and defines share one compiled program.
 */
record KernelSpec(String kernel, List<String> sources, Map<String, Object> defines, float[] weights) {
    KernelSpec {
        sources = List.copyOf(sources);
        defines = Map.copyOf(defines);
    }
}
