package org.namcl.eval;

/**
 * What a score depends on: the model's, the DI's and the target's contents (SHA-256, hex) and the
 * settings that change it ({@link EvalOptions#settings()}). A results database has one row per key.
 */
public record ScoreKey(String modelSha256, String inputSha256, String targetSha256, String settings) {
}
