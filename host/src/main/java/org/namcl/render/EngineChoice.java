package org.namcl.render;

/** Which engine renders: OpenCL when a device exists (auto), or one forced. */
public enum EngineChoice {
    AUTO, CPU, OPENCL
}
