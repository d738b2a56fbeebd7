package org.namcl.spark;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.namcl.render.ProgressReporter;

/**
 * What every task of a job does around its units: runs each (one model on some items), places
 * their results in the job, keeps what the task says for the driver, and applies the test hook
 * ({@link InjectedFailure}).
 */
final class TaskRun {
    private TaskRun() {
    }

    /** One unit's work: the model's results on {@code items}, in their order. */
    interface UnitWork {
        Done run(int model, int[] items, ProgressReporter progress);
    }

    /**
     * A unit's results (JSON, one per item), its engine's description ("none" when nothing ran),
     * and how its lines name files (local copies as the remote files they stand for).
     */
    record Done(List<String> results, String engine, UnaryOperator<String> shown) {
        Done(List<String> results, String engine) {
            this(results, engine, UnaryOperator.identity());
        }
    }

    /** @param items how many items the job has (results are placed at model × items + item) */
    static TaskOutput run(List<WorkSplit.Unit> units, int items, boolean quiet, UnitWork work) {
        List<String> said = new ArrayList<>();
        boolean failing = InjectedFailure.now();
        List<Long> seqs = new ArrayList<>();
        List<String> results = new ArrayList<>();
        String engine = "none";
        for (WorkSplit.Unit unit : units) {
            int[] chosen = failing ? new int[] {unit.items()[0]} : unit.items();
            StringWriter unitSaid = new StringWriter();
            Done done = work.run(unit.model(), chosen, new ProgressReporter(new PrintWriter(unitSaid), quiet, false));
            unitSaid.toString().lines().map(done.shown()).forEach(said::add);
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
                throw InjectedFailure.failure();
            }
        }
        return new TaskOutput(seqs, results, said, engine);
    }
}
