package org.namcl.spark;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.namcl.render.ProgressReporter;

/**
 * What every task of a job does around its units: runs each (one model on some items), places
 * their results in the job, keeps what the task says for the driver, and applies the test hook
 * ({@link FirstAttemptFailure}).
 */
final class TaskRun {
    private TaskRun() {
    }

    /** One unit's work: the model's results on {@code items}, in their order. */
    interface UnitWork {
        Done run(int model, int[] items, ProgressReporter progress);
    }

    /** A unit's results (JSON, one per item) and its engine's description ("none" when nothing ran). */
    record Done(List<String> results, String engine) {
    }

    /** @param items how many items the job has (results are placed at model × items + item) */
    static TaskOutput run(List<WorkSplit.Unit> units, int items, boolean quiet, UnitWork work) {
        StringWriter said = new StringWriter();
        ProgressReporter progress = new ProgressReporter(new PrintWriter(said), quiet, false);
        boolean failing = FirstAttemptFailure.now();
        List<Long> seqs = new ArrayList<>();
        List<String> results = new ArrayList<>();
        String engine = "none";
        for (WorkSplit.Unit unit : units) {
            int[] chosen = failing ? new int[] {unit.items()[0]} : unit.items();
            Done done = work.run(unit.model(), chosen, progress);
            if (done.results().size() != chosen.length) {
                throw new IllegalStateException("the batch ended early (namcl is stopping)");
            }
            for (int k = 0; k < chosen.length; k++) {
                seqs.add(unit.model() * (long) items + chosen[k]);
            }
            results.addAll(done.results());
            if (!done.engine().equals("none")) {
                engine = done.engine();
            }
            if (failing) {
                throw FirstAttemptFailure.failure();
            }
        }
        return new TaskOutput(seqs, results, said.toString().lines().toList(), engine);
    }
}
