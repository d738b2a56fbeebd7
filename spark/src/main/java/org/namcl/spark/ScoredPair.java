package org.namcl.spark;

import org.namcl.eval.EvalResult;
import org.namcl.eval.ScoreKey;

/**
 * One (model, pair) as an eval task sends it back: its result, and with a results database its
 * key (null when its files could not be read). A pair the database has already comes back with
 * {@code stored} set and a result without metrics, naming the files as this run does; the driver
 * takes its metrics from the database.
 */
record ScoredPair(ScoreKey key, boolean stored, EvalResult result) {
}
