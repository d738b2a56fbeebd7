package org.namcl.spark;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;

/**
 * The embedded Spark session every test of this module shares ({@code local[2,2]}: two task
 * slots, and a failed task tried once more), and namcl's command lines run in-process beside it.
 */
final class TestSpark {
    private static SparkSession session;

    private TestSpark() {
    }

    /** The shared session, started on first use (the commands find it and leave it running). */
    static synchronized SparkSession session() {
        if (session == null) {
            session = Sessions.open("local[2,2]", "namcl tests").spark();
        }
        return session;
    }

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** {@code namcl cluster ARGS} on the shared session. */
    static Result cluster(Object... args) {
        session();
        return run(ClusterMain.commandLine(), args);
    }

    /** {@code namcl ARGS}: the single-machine commands. */
    static Result namcl(Object... args) {
        return run(org.namcl.cli.Main.commandLine(), args);
    }

    private static Result run(CommandLine cmd, Object... args) {
        List<String> a = new ArrayList<>();
        for (Object o : args) {
            a.add(o instanceof Path p ? p.toString() : String.valueOf(o));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(a.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }
}
