package org.namcl.cli;

/** What namcl's exit status means; listed in {@code namcl --help}. */
public final class ExitCodes {
    /** Everything asked for was done. */
    public static final int OK = 0;
    /** Something asked for failed: a pair, a model, a device. */
    public static final int FAILED = 1;
    /** The command line is wrong (picocli's code for invalid input). */
    public static final int USAGE = 2;
    /** The inputs named hold no WAV file. */
    public static final int NO_INPUT = 3;

    private ExitCodes() {
    }
}
