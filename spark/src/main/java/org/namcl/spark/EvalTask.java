package org.namcl.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.namcl.eval.EvalOptions;
import org.namcl.eval.EvalPair;
import org.namcl.eval.Evaluator;

/**
 * One Spark task of an eval job, run on an executor: each of its units scores one model on a share
 * of the pairs through {@link Evaluator}, so the metrics are {@code namcl eval}'s own.
 *
 * @param models every model of the job, by index
 * @param pairs  every pair of the job, by index
 */
record EvalTask(List<WorkSplit.Unit> units, List<String> models, List<EvalPairRef> pairs, EvalSettings settings,
                boolean localMaster, boolean quiet) implements Serializable {

    TaskOutput run() {
        TaskSlot slot = TaskSlot.current(settings.engine(), settings.device(), localMaster);
        EvalOptions options = settings.options(slot.device(), slot.threads());
        return TaskRun.run(units, pairs.size(), quiet, (model, items, progress) -> {
            List<EvalPair> chosen = IntStream.of(items).mapToObj(i -> pairs.get(i).pair()).toList();
            Evaluator evaluator = new Evaluator(options, progress, null, settings.charts());
            List<String> scored = evaluator.run(List.of(Path.of(models.get(model))), chosen).stream()
                    .map(Wire::write).toList();
            return new TaskRun.Done(scored, evaluator.engineDescription());
        });
    }
}
