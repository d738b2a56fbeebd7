package org.namcl.cpu;

/** A network on multi-channel blocks of at most the block length it was built for. */
interface BlockUnit {
    /**
     * Runs the next n samples.
     *
     * @param in input rows
     * @return the output rows, valid until the next call
     */
    float[][] process(float[][] in, int n);
}
