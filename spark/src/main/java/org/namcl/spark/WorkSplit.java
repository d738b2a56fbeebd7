package org.namcl.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * How a job's (model, item) pairs become Spark tasks. The pairs, model by model and item by item
 * within a model, are cut into runs of about equal work, one run per partition; the work of a
 * pair is the item's bytes times the model's (its .nam file's size, which grows with its weights
 * and so with its cost per sample). Within a partition each model's pairs form one unit, loaded
 * once for all its items; only a model whose pairs straddle a cut is loaded by two tasks.
 */
final class WorkSplit {
    private WorkSplit() {
    }

    /** A model and the indexes (in the job's order) of the items it runs in one task. */
    record Unit(int model, int[] items) implements Serializable {
    }

    /**
     * @param modelWeights each model's weight (its file's size; at least 1 is used)
     * @param itemBytes    each item's size (at least 1 is used)
     * @param partitions   how many partitions are wanted (at least 1)
     * @return the partitions, each a list of units; fewer than asked when there are fewer pairs
     */
    static List<List<Unit>> split(long[] modelWeights, long[] itemBytes, int partitions) {
        double total = 0;
        for (long m : modelWeights) {
            for (long i : itemBytes) {
                total += work(m, i);
            }
        }
        int parts = (int) Math.min(partitions, (long) modelWeights.length * itemBytes.length);
        double share = total / Math.max(1, parts);
        List<List<Unit>> out = new ArrayList<>();
        List<Integer> run = new ArrayList<>();
        int lastPart = -1;
        int lastModel = -1;
        double done = 0;
        for (int m = 0; m < modelWeights.length; m++) {
            for (int i = 0; i < itemBytes.length; i++) {
                double w = work(modelWeights[m], itemBytes[i]);
                // a pair belongs to the partition its middle falls in, so each cut is within half a pair
                int part = (int) Math.min(parts - 1, Math.floor((done + w / 2) / share));
                done += w;
                if (part != lastPart || m != lastModel) {
                    flush(out, lastModel, run);
                    if (part != lastPart) {
                        out.add(new ArrayList<>());
                    }
                    lastPart = part;
                    lastModel = m;
                }
                run.add(i);
            }
        }
        flush(out, lastModel, run);
        return out;
    }

    /** The run of {@code model}'s items so far becomes a unit of the last partition. */
    private static void flush(List<List<Unit>> out, int model, List<Integer> run) {
        if (!run.isEmpty()) {
            out.get(out.size() - 1).add(new Unit(model, run.stream().mapToInt(Integer::intValue).toArray()));
            run.clear();
        }
    }

    private static double work(long model, long item) {
        return (double) Math.max(1, model) * Math.max(1, item);
    }
}
