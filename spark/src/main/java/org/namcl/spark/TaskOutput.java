package org.namcl.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What one task sends back to the driver: its pairs' results (JSON, {@link Wire}) with their place
 * in the job, what it had to say, and the engine it rendered on.
 *
 * @param seqs     each result's place: model index times the number of items, plus the item's index
 * @param messages the lines namcl would have printed (errors, warnings, notices)
 * @param engine   the engine's description, or "none" when nothing was rendered
 */
record TaskOutput(List<Long> seqs, List<String> results, List<String> messages, String engine)
        implements Serializable {
}
