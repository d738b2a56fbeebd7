package org.namcl.model.net;

/**
 * One LSTM layer. Gates z = W · [x; h] + b, rows in the order input, forget, cell, output (i, f,
 * g, o), each {@code hiddenSize} long; then c = σ(f)·c + σ(i)·tanh(g) and h = σ(o)·tanh(c).
 *
 * @param weights       row-major (4H, inputSize + H): columns for x first, then for h
 * @param initialHidden h before the first sample, as stored in the file
 * @param initialCell   c before the first sample, as stored in the file
 */
public record LstmLayer(int inputSize, int hiddenSize, float[] weights, float[] bias, float[] initialHidden,
                        float[] initialCell) {

    /**
     * A weight of the stacked gate matrix.
     *
     * @param row the gate row
     * @param col the input (then the hidden state) column
     * @return W[row][col]
     */
    public float weight(int row, int col) {
        return weights[row * (inputSize + hiddenSize) + col];
    }
}
