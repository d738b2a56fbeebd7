package org.namcl.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.spark.broadcast.Broadcast;
import org.namcl.eval.EvalOptions;
import org.namcl.eval.EvalPair;
import org.namcl.eval.EvalResult;
import org.namcl.eval.Evaluator;
import org.namcl.eval.ScoreKey;
import org.namcl.render.OutputPaths;

/**
 * One Spark task of an eval job, run on an executor: each of its units scores one model on a share
 * of the pairs through {@link Evaluator}, so the metrics are {@code namcl eval}'s own. Remote files
 * are copied to a local {@link Staging} first (pairs a batch of at most
 * {@link StagedRender#BATCH_BYTES} at a time). With a results database, a pair whose key the
 * database has ({@code stored}, as {@link #key} writes them) is not scored.
 *
 * @param models every model of the job, by index
 * @param pairs  every pair of the job, by index
 * @param stored the keys the results database holds, or null when there is none
 */
record EvalTask(List<WorkSplit.Unit> units, List<FileRef> models, List<EvalPairRef> pairs, EvalSettings settings,
                boolean localMaster, boolean quiet, RemoteFiles files, Broadcast<Set<String>> stored)
        implements Serializable {

    /** A key as the stored set holds it. */
    static String key(ScoreKey k) {
        return Wire.write(k);
    }

    TaskOutput run() {
        TaskSlot slot = TaskSlot.current(settings.engine(), settings.device(), localMaster);
        EvalOptions options = settings.options(slot.device(), slot.threads());
        return TaskRun.run(units, pairs.size(), quiet, (model, items, progress) -> {
            Staging staging = Staging.open(files);
            try (staging) {
                Staging.Copy m = staging.copy(models.get(model));
                if (m.problem() != null) {
                    progress.error(models.get(model).path() + ": " + m.problem());
                }
                String modelSha = stored == null || m.problem() != null ? null : LocalFiles.sha256(m.path());
                String engine = "none";
                List<String> scored = new ArrayList<>();
                List<Path> copies = new ArrayList<>();
                List<Local> batch = new ArrayList<>();
                long bytes = 0;
                for (int i : items) {
                    int copied = copies.size();
                    Local p = local(staging, pairs.get(i), copies, modelSha, options);
                    batch.add(p);
                    bytes += copies.subList(copied, copies.size()).stream().mapToLong(LocalFiles::size).sum();
                    if (bytes >= StagedRender.BATCH_BYTES || i == items[items.length - 1]) {
                        Evaluator evaluator = new Evaluator(options, progress, null, settings.charts());
                        score(evaluator, staging, m.path(), batch, scored);
                        engine = evaluator.engineDescription() != null ? evaluator.engineDescription() : engine;
                        copies.forEach(staging::delete);
                        copies.clear();
                        batch.clear();
                        bytes = 0;
                    }
                }
                return new TaskRun.Done(scored, engine, staging::shown);
            }
        });
    }

    /** A pair on local files, and its key (null without a database, or when its files cannot be read). */
    private record Local(EvalPair pair, ScoreKey key) {
    }

    private Local local(Staging staging, EvalPairRef p, List<Path> copies, String modelSha, EvalOptions options) {
        Staging.Copy in = p.problem() == null ? staging.copy(p.input()) : unread(staging, p.input());
        Staging.Copy t = p.problem() == null ? staging.copy(p.target()) : unread(staging, p.target());
        if (p.input().remote()) {
            copies.add(in.path());
        }
        if (p.target().remote()) {
            copies.add(t.path());
        }
        String problem = p.problem() != null ? p.problem() : in.problem() != null ? p.input().path() + ": "
                + in.problem() : t.problem() != null ? p.target().path() + ": " + t.problem() : null;
        EvalPair pair = new EvalPair(p.name(), in.path(), t.path(), problem);
        String inSha = modelSha == null || problem != null ? null : LocalFiles.sha256(in.path());
        String targetSha = inSha == null ? null : LocalFiles.sha256(t.path());
        ScoreKey key = targetSha == null ? null : new ScoreKey(modelSha, inSha, targetSha, options.settings());
        return new Local(pair, key);
    }

    /** A file of a pair not scored: itself when local, else where its copy would be (named as given). */
    private static Staging.Copy unread(Staging staging, FileRef f) {
        return new Staging.Copy(f.remote() ? staging.placeholder(f) : f.localPath(), null);
    }

    /** Scores the batch's pairs the database does not have, adding every pair's {@link ScoredPair} (JSON). */
    private void score(Evaluator evaluator, Staging staging, Path model, List<Local> batch, List<String> scored) {
        List<Local> fresh = batch.stream().filter(p -> !isStored(p)).toList();
        Iterator<EvalResult> results = fresh.isEmpty() ? List.<EvalResult>of().iterator()
                : evaluator.run(List.of(model), fresh.stream().map(Local::pair).toList()).iterator();
        for (Local p : batch) {
            ScoredPair s = isStored(p)
                    ? new ScoredPair(p.key(), true, new EvalResult(model.toString(), OutputPaths.modelName(model),
                    null, null, p.pair().name(), p.pair().input().toString(), p.pair().target().toString(), null,
                    null, null, null))
                    : new ScoredPair(p.key(), false, results.next());
            scored.add(Wire.write(shown(staging, s)));
        }
    }

    private boolean isStored(Local p) {
        return p.key() != null && stored.value().contains(key(p.key()));
    }

    /** The result as the user named its files. */
    private static ScoredPair shown(Staging s, ScoredPair p) {
        EvalResult r = p.result();
        return new ScoredPair(p.key(), p.stored(), new EvalResult(s.shown(r.model()), r.modelName(),
                r.modelValidationEsr(), r.modelInfo(), r.pair(), s.shown(r.input()), s.shown(r.target()), r.metrics(),
                r.validationEsr(), s.shown(r.problem()), r.charts()));
    }
}
