package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code bench --eval}: both wall times and their ratio, measured in one run. */
class EvalBenchTest {
    @Test
    void printsRenderAndEvalTimesAndTheirRatio() {
        Cli.Result r = Cli.run("bench", "--eval", "2", "--seconds", "0.5", "--device", "none");

        assertEquals(0, r.code(), r::toString);
        Matcher m = Pattern.compile("render: ([0-9.]+) s +eval: ([0-9.]+) s +eval / render: ([0-9.]+)").matcher(r.out());
        assertTrue(m.find(), r::toString);
        double render = Double.parseDouble(m.group(1));
        double eval = Double.parseDouble(m.group(2));
        double ratio = Double.parseDouble(m.group(3));
        assertTrue(render > 0 && eval > 0, r::toString);
        // the times are printed to the millisecond, the ratio of the unrounded times
        double slack = ratio * (0.0005 / render + 0.0005 / eval);
        assertEquals(eval / render, ratio, slack, r::toString);
    }
}
