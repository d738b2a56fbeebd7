package org.namcl.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs namcl in-process, as its main method would, capturing what it prints. */
final class Cli {

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Cli() {
    }

    static Result run(Object... args) {
        List<String> a = new ArrayList<>();
        for (Object o : args) {
            a.add(o instanceof Path p ? p.toString() : String.valueOf(o));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] argv = a.toArray(String[]::new);
        CommandLine cmd = Main.commandLine(argv);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(argv);
        return new Result(code, out.toString(), err.toString());
    }
}
