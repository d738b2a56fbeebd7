package org.namcl.render;

/** Which engine renders: OpenCL when a device exists (auto), or one forced. */
public enum EngineChoice {
    /** OpenCL on a GPU (or the device named), else the CPU engine. */
    AUTO,
    /** The CPU engine. */
    CPU,
    /** The OpenCL engine, on whatever device it is given. */
    OPENCL
}
