package org.namcl.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.IntStream;

/**
 * How a job's (model, item) pairs become Spark tasks. A unit is one model with some of the items
 * (inputs, or eval pairs): its task loads the model once and runs those items as one batch. Each
 * model's items are cut into as many units as it takes to give every partition work, balanced by
 * bytes; units then go to the partitions, largest first, each to the lightest partition so far.
 */
final class WorkSplit {
    private WorkSplit() {
    }

    /** A model and the indexes (in the job's order) of the items it runs in one task. */
    record Unit(int model, int[] items, long bytes) implements Serializable {
    }

    /**
     * @param models     how many models
     * @param itemBytes  each item's size (its weight)
     * @param partitions how many partitions are wanted (at least 1)
     * @return the partitions, each a list of units; fewer than asked when there are fewer units
     */
    static List<List<Unit>> split(int models, long[] itemBytes, int partitions) {
        if (models == 0 || itemBytes.length == 0) {
            return List.of();
        }
        int cuts = Math.min(itemBytes.length, Math.max(1, (partitions + models - 1) / models));
        List<int[]> chunks = balance(IntStream.range(0, itemBytes.length).toArray(), i -> itemBytes[i], cuts);
        long[] chunkBytes = chunks.stream().mapToLong(c -> IntStream.of(c).mapToLong(i -> itemBytes[i]).sum())
                .toArray();
        List<Unit> units = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            for (int c = 0; c < chunks.size(); c++) {
                units.add(new Unit(m, chunks.get(c), chunkBytes[c]));
            }
        }
        List<int[]> parts = balance(IntStream.range(0, units.size()).toArray(), u -> units.get(u).bytes(),
                Math.min(partitions, units.size()));
        return parts.stream().map(p -> IntStream.of(p).mapToObj(units::get).toList()).toList();
    }

    /**
     * {@code ids} dealt into {@code bins} bins of about equal weight (largest first, each to the
     * lightest bin); each bin's ids in their original order, no bin empty.
     */
    private static List<int[]> balance(int[] ids, java.util.function.IntToLongFunction weight, int bins) {
        Integer[] order = IntStream.of(ids).boxed().sorted(Comparator.comparingLong((Integer i) -> weight.applyAsLong(i))
                .reversed().thenComparing(i -> i)).toArray(Integer[]::new);
        List<List<Integer>> out = new ArrayList<>();
        PriorityQueue<long[]> lightest = new PriorityQueue<>(Comparator.<long[]>comparingLong(b -> b[0])
                .thenComparingLong(b -> b[1]));
        for (int b = 0; b < bins; b++) {
            out.add(new ArrayList<>());
            lightest.add(new long[] {0, b});
        }
        for (int id : order) {
            long[] bin = lightest.poll();
            out.get((int) bin[1]).add(id);
            bin[0] += Math.max(1, weight.applyAsLong(id));
            lightest.add(bin);
        }
        return out.stream().filter(l -> !l.isEmpty())
                .map(l -> l.stream().mapToInt(Integer::intValue).sorted().toArray()).toList();
    }
}
