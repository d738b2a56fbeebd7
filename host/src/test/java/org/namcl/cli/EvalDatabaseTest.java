package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.eval.Reamp;
import org.namcl.gen.RandomWaveNet;
import org.namcl.render.TestAudio;
import org.namcl.render.TestModels;

/** {@code eval --db}: one row per (model, DI, target, settings), resumed after a kill, rebuilt by {@code report}. */
class EvalDatabaseTest {
    @TempDir
    Path dir;

    private Path[] pair(int n) throws IOException {
        Path nano = TestModels.copy(TestModels.NANO, dir.resolve("nano"));
        float[] x = TestAudio.signal(n, 4);
        Path di = TestAudio.write(dir.resolve("di.wav"), x);
        float[] y = TestModels.stream(TestModels.net(nano), x);
        Path target = TestAudio.write(dir.resolve("target.wav"), Reamp.target(y, 30, 0, 1e-4, 100));
        return new Path[] {di, target};
    }

    private Path randomModels(int count) throws IOException {
        Path models = dir.resolve("models");
        Files.createDirectories(models);
        for (int i = 0; i < count; i++) {
            Files.writeString(models.resolve(String.format("random-%03d.nam", i)), RandomWaveNet.json(i));
        }
        return models;
    }

    @Test
    void aRerunSkipsWhatIsStoredAndOtherSettingsAddRows() throws Exception {
        Path[] p = pair(24_000);
        Path models = randomModels(3);
        Path db = dir.resolve("results.db");

        Cli.Result first = Cli.run("eval", "-m", models, "--input", p[0], "--target", p[1], "--engine", "cpu",
                "--db", db, "--latency", "30");
        assertEquals(0, first.code(), first::toString);
        assertEquals(3, rows(db));
        Cli.Result again = Cli.run("eval", "-m", models, "--input", p[0], "--target", p[1], "--engine", "cpu",
                "--db", db, "--latency", "30");
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.err().contains("3 of the results were in the results database"), again::toString);
        assertTrue(first.err().contains("namcl: 3 scored, 0 failed"), first::toString);
        assertTrue(again.err().contains("namcl: 0 scored, 3 from the results database, 0 failed"), again::toString);
        assertEquals(first.out(), again.out());
        assertEquals(3, rows(db));

        Cli.Result forced = Cli.run("eval", "-m", models, "--input", p[0], "--target", p[1], "--engine", "cpu",
                "--db", db, "--latency", "29");
        assertEquals(0, forced.code(), forced::toString);
        assertEquals(6, rows(db));

        Path csv = dir.resolve("rebuilt.csv");
        Path html = dir.resolve("rebuilt.html");
        Cli.Result report = Cli.run("report", db, "--csv", csv, "--html", html);
        assertEquals(0, report.code(), report::toString);
        assertEquals(7, Files.readAllLines(csv).size());
        // the charts come back from the database: the ranking, and four per model
        assertEquals(1 + 3 * 4, Files.readString(html).split("<svg", -1).length - 1);
    }

    /**
     * A real child process killed with SIGKILL mid-run: the re-run completes the database, no row
     * twice. (Random models correlate with the target anywhere, so the latency is given.)
     */
    @Test
    void killedMidRunTheRerunCompletesTheDatabase() throws Exception {
        int models = 40;
        Path[] p = pair(96_000);
        Path folder = randomModels(models);
        Path db = dir.resolve("results.db");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath(), Main.class.getName(), "eval", "-m", folder.toString(), "--input", p[0].toString(),
                "--target", p[1].toString(), "--engine", "cpu", "--threads", "1", "--db", db.toString(), "--latency", "30", "--quiet"));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (child.isAlive() && rowsOrZero(db) < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean close
        child.waitFor();
        int before = rows(db);
        assertTrue(before >= 3 && before < models, "killed with " + before + " of " + models + " rows stored; "
                + Files.readString(dir.resolve("child.log")));

        Cli.Result rerun = Cli.run("eval", "-m", folder, "--input", p[0], "--target", p[1], "--engine", "cpu",
                "--db", db, "--latency", "30");

        assertEquals(0, rerun.code(), rerun::toString);
        assertTrue(rerun.err().contains(before + " of the results were in the results database"), rerun::toString);
        assertTrue(rerun.err().contains("namcl: " + (models - before) + " scored, " + before
                + " from the results database, 0 failed"), rerun::toString);
        assertEquals(models, rows(db));
        assertEquals(models, query(db, "SELECT COUNT(DISTINCT model_sha256) FROM results"));
        assertEquals(0, query(db, "SELECT COUNT(*) FROM results WHERE esr IS NULL OR latency IS NULL"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertEquals("ok", rs.getString(1));
        }
    }

    /** The test's class path for a child JVM: surefire's own list where it gives one. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static int rows(Path db) throws SQLException {
        return query(db, "SELECT COUNT(*) FROM results");
    }

    private static int rowsOrZero(Path db) {
        try {
            return Files.exists(db) ? rows(db) : 0;
        } catch (SQLException e) {
            return 0; // the child has not created the table yet
        }
    }

    private static int query(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
