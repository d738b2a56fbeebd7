package org.namcl.eval;

import java.util.List;

/**
 * What an evaluation ran with and found, as the reports describe it.
 *
 * @param settings the options that change scores ({@link EvalOptions#settings()})
 * @param ranked   the results best first ({@link Ranking#rank})
 */
public record EvalRun(String namclVersion, String started, String engine, List<String> arguments, String settings,
                      List<EvalResult> ranked) {
}
