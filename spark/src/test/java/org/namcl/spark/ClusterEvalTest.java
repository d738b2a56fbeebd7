package org.namcl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.eval.EvalResult;
import org.namcl.eval.Reamp;
import org.namcl.eval.ResultsDatabase;
import org.namcl.eval.ScoreKey;
import org.namcl.render.ProgressReporter;
import org.namcl.render.TestAudio;
import org.namcl.render.TestModels;

/** {@code namcl cluster eval} on an embedded local[2] session, against {@code namcl eval}. */
class ClusterEvalTest {
    @TempDir
    Path dir;
    Path models;
    Path dis;
    Path targets;

    /** Three models, and three DIs with targets reamped from one model's output (one target missing). */
    @BeforeEach
    void pairs() throws IOException {
        models = dir.resolve("models");
        TestModels.copy(TestModels.DEMONET, models);
        Path nano = TestModels.copy(TestModels.NANO, models);
        TestModels.copy(TestModels.SLIMMABLE, models);
        dis = dir.resolve("dis");
        targets = dir.resolve("targets");
        for (int k = 0; k < 3; k++) {
            float[] x = TestAudio.signal(6000 + 1000 * k, 10 + k);
            TestAudio.write(dis.resolve("take" + k + ".wav"), x);
            if (k < 2) {
                float[] y = TestModels.stream(TestModels.net(nano), x);
                TestAudio.write(targets.resolve("take" + k + ".wav"), Reamp.target(y, 20 + k, -1, 1e-4, 100));
            }
        }
    }

    @Test
    void theMetricsAndReportsEqualNamclEvals() throws IOException {
        Path single = dir.resolve("single.json");
        Path cluster = dir.resolve("cluster.json");

        TestSpark.Result one = TestSpark.namcl("eval", "-m", models, "--input", dis, "--target", targets,
                "--engine", "cpu", "--threads", 2, "--report", single, "--html", dir.resolve("single.html"));
        TestSpark.Result job = TestSpark.cluster("eval", "-m", models, "--input", dis, "--target", targets,
                "--engine", "cpu", "--partitions", 4, "--report", cluster, "--html", dir.resolve("cluster.html"),
                "--results", dir.resolve("results"));

        assertEquals(1, one.code(), "a target is missing: " + one);
        assertEquals(1, job.code(), "a target is missing: " + job);
        ObjectMapper json = new ObjectMapper();
        JsonNode expected = json.readTree(single.toFile());
        JsonNode actual = json.readTree(cluster.toFile());
        assertEquals(9, expected.get("results").size());
        assertEquals(expected.get("results"), actual.get("results"), "every metric of every (model, pair)");
        assertEquals(expected.get("settings"), actual.get("settings"));
        assertEquals(one.out(), job.out(), "the ranking table");
        assertSameLines(html(dir.resolve("single.html")), html(dir.resolve("cluster.html")));

        Dataset<Row> table = TestSpark.session().read().parquet(dir.resolve("results/pairs.parquet").toString());
        assertEquals(9, table.count());
        assertEquals(3, table.filter("problem is not null").count());
        assertTrue(job.err().contains("take2.wav"), "one line names the missing target: " + job);
    }

    @Test
    void aTaskThatFailsOnItsFirstAttemptIsRetriedWithTheSameScores() throws IOException {
        Path single = dir.resolve("single.json");
        Path cluster = dir.resolve("cluster.json");
        Path nano = models.resolve(TestModels.NANO);
        TestSpark.namcl("eval", "-m", nano, "--input", dis, "--target", targets, "--engine", "cpu", "--report", single);

        TestSpark.session().sparkContext().setLocalProperty(InjectedFailure.FIRST_ATTEMPT, "true");
        TestSpark.Result job;
        try {
            job = TestSpark.cluster("eval", "-m", nano, "--input", dis, "--target", targets, "--engine", "cpu",
                    "--partitions", 2, "--report", cluster);
        } finally {
            TestSpark.session().sparkContext().setLocalProperty(InjectedFailure.FIRST_ATTEMPT, null);
        }

        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(single.toFile()).get("results"), json.readTree(cluster.toFile()).get("results"),
                job::toString);
    }

    @Test
    void aSecondRunWithTheSameDatabaseScoresNothingNewAndGivesTheSameTable() throws Exception {
        Path db = dir.resolve("results.db");
        TestSpark.Result one = TestSpark.namcl("eval", "-m", models, "--input", dis, "--target", targets,
                "--engine", "cpu", "--db", dir.resolve("single.db"), "--report", dir.resolve("single.json"));
        TestSpark.Result first = TestSpark.cluster("eval", "-m", models, "--input", dis, "--target", targets,
                "--engine", "cpu", "--partitions", 3, "--db", db, "--report", dir.resolve("first.json"));
        List<String> scoredAt = scoredAt(db);

        TestSpark.Result second = TestSpark.cluster("eval", "-m", models, "--input", dis, "--target", targets,
                "--engine", "cpu", "--partitions", 3, "--db", db, "--report", dir.resolve("second.json"));

        assertFalse(first.err().contains("results database"), first::toString);
        // six scored (three pairs miss their target, and failures are not stored), all six found again
        assertEquals(6, scoredAt.size());
        assertTrue(second.err().contains("6 of the results were in the results database"), second::toString);
        assertTrue(second.err().contains("0 scored, 6 from the results database, 3 failed"), second::toString);
        assertEquals(scoredAt, scoredAt(db), "no row written again");
        assertEquals(first.out(), second.out(), "the ranking table");
        ObjectMapper json = new ObjectMapper();
        JsonNode expected = json.readTree(dir.resolve("single.json").toFile()).get("results");
        assertEquals(expected, json.readTree(dir.resolve("first.json").toFile()).get("results"), one::toString);
        assertEquals(expected, json.readTree(dir.resolve("second.json").toFile()).get("results"));
    }

    @Test
    void aRunThatFailsKeepsTheRowsItsFinishedTasksScored() throws Exception {
        Files.delete(dis.resolve("take2.wav")); // six pairs, all with targets
        Path db = dir.resolve("results.db");
        String[] args = {"eval", "-m", models.toString(), "--input", dis.toString(), "--target", targets.toString(),
                "--engine", "cpu", "--partitions", "3", "--db", db.toString()};
        TestSpark.session().sparkContext().setLocalProperty(InjectedFailure.LAST_TASK, "true");
        TestSpark.Result failed;
        try {
            failed = TestSpark.cluster((Object[]) args);
        } finally {
            TestSpark.session().sparkContext().setLocalProperty(InjectedFailure.LAST_TASK, null);
        }
        int kept = scoredAt(db).size();

        TestSpark.Result again = TestSpark.cluster((Object[]) args);

        assertEquals(1, failed.code(), failed::toString);
        assertTrue(failed.err().contains("namcl test hook: attempt 1 of task 2"), failed::toString);
        // two task slots: the last task starts once another has finished, whose rows are stored then
        assertTrue(kept > 0 && kept < 6, kept + " rows kept of 6: " + failed);
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.err().contains(kept + " of the results were in the results database"), again::toString);
        assertEquals(6, scoredAt(db).size());
    }

    @Test
    void aRowThatWentMissingDuringTheRunFailsItsPairInOneLine() throws SQLException {
        StringWriter said = new StringWriter();
        EvalResult named = new EvalResult("models/a.nam", "a", null, null, "take0.wav", "dis/take0.wav",
                "targets/take0.wav", null, null, null, null);
        EvalResult r;
        try (ResultsDatabase db = ResultsDatabase.open(dir.resolve("empty.db"))) {
            r = ClusterEvalJob.fromDatabase(db, new ScoredPair(new ScoreKey("m", "i", "t", "{}"), true, named),
                    new ProgressReporter(new PrintWriter(said), false, false));
        }

        String problem = "its row of the results database " + dir.resolve("empty.db")
                + " went missing during the run; run again to score it";
        assertEquals(new EvalResult("models/a.nam", "a", null, null, "take0.wav", "dis/take0.wav",
                "targets/take0.wav", null, null, problem, null), r);
        assertEquals(List.of("namcl: error: take0.wav (model a): " + problem), said.toString().lines().toList());
    }

    @Test
    void aDatabaseOnAnotherFileSystemIsRefusedBeforeAnyWork() {
        TestSpark.Result job = TestSpark.cluster("eval", "-m", models, "--input", dis, "--target", targets,
                "--engine", "cpu", "--db", "hdfs://namenode:8020/namcl/results.db");

        assertEquals(2, job.code(), job::toString);
        assertTrue(job.err().startsWith("namcl: error: --db hdfs://namenode:8020/namcl/results.db: the results database is an "
                + "SQLite file, which must be on the driver's disk: give a local path (file:// or a plain path on a "
                + "local default file system)\n"), job::toString);
        assertEquals("", job.out(), "nothing scored, no table");
    }

    /** When each row of a results database was stored, in row order. */
    private static List<String> scoredAt(Path db) throws SQLException {
        List<String> at = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery("SELECT scored_at FROM results ORDER BY rowid")) {
            while (rs.next()) {
                at.add(rs.getString(1));
            }
        }
        return at;
    }

    /** Equal pages; else the first line that differs, shortened (a page's lines are long). */
    private static void assertSameLines(String expected, String actual) {
        String[] e = expected.split("\n");
        String[] a = actual.split("\n");
        for (int i = 0; i < Math.min(e.length, a.length); i++) {
            if (!e[i].equals(a[i])) {
                int at = 0;
                while (e[i].charAt(at) == a[i].charAt(at)) {
                    at++;
                }
                int from = Math.max(0, at - 100);
                assertEquals(e[i].substring(from, Math.min(e[i].length(), at + 100)),
                        a[i].substring(from, Math.min(a[i].length(), at + 100)), "line " + (i + 1) + " of the page");
            }
        }
        assertEquals(e.length, a.length, "lines of the page");
    }

    /** The HTML report, less its start time and engine (a task's threads, there: spark.task.cpus). */
    private static String html(Path file) throws IOException {
        return Files.readString(file).replaceAll("; started [^;]*; engine [^;]*;", ";");
    }
}
