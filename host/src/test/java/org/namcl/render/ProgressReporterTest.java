package org.namcl.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.namcl.render.RunReport.Status;

class ProgressReporterTest {
    private final StringWriter text = new StringWriter();

    private ProgressReporter reporter(boolean quiet, boolean terminal) {
        return new ProgressReporter(new PrintWriter(text), quiet, terminal, () -> 100, ProgressReporter.PLAIN_NANOS);
    }

    @Test
    void withoutATerminalThereAreOnlyLines() {
        ProgressReporter p = reporter(false, false);
        p.start(2, 10);
        p.advance(5);
        p.warn("careful");
        p.pairDone(0);
        p.error("broken");
        p.pairDone(5);
        p.summary(Map.of(Status.RENDERED, 1L, Status.FAILED, 1L), 5);

        assertFalse(text.toString().contains("\r"), text::toString);
        String[] lines = text.toString().split("\n");
        assertEquals("namcl: warning: careful", lines[0].strip());
        assertEquals("namcl: error: broken", lines[1].strip());
        assertTrue(lines[2].startsWith("namcl: 1 rendered, 0 skipped, 1 failed; 5.0 s of audio in "), lines[2]);
        assertTrue(lines[2].endsWith("x real time)"), lines[2]);
    }

    @Test
    void controlCharactersOfStrangersNamesReachTheTerminalAsQuestionMarks() {
        ProgressReporter p = reporter(false, false);

        p.error("takes/\u001b]0;owned\u0007amp\u001b[2J.wav: not a WAV file");

        assertEquals("namcl: error: takes/?]0;owned?amp?[2J.wav: not a WAV file" + System.lineSeparator(), text.toString());
    }

    @Test
    void onATerminalTheProgressLineIsRedrawnAndClearedBeforeMessages() {
        ProgressReporter p = reporter(false, true);
        p.start(2, 120);
        p.advance(30);
        p.pairDone(30); // a pair of 60 s, 30 of them reported as rendered
        String drawn = text.toString();
        p.notice("hello");

        assertTrue(drawn.startsWith("\r[0/2]  25%"), drawn);
        assertTrue(drawn.contains("\r[1/2]  50%"), drawn);
        assertTrue(drawn.contains("x real time"), drawn);
        assertTrue(drawn.contains("ETA"), drawn);
        String after = text.toString().substring(drawn.length());
        assertTrue(after.matches("\r +\rnamcl: hello\\R"), after);
    }

    @Test
    void outputsRenderedAgainAreCountedApartFromNewOnesAndOtherRunsWork() {
        ProgressReporter p = reporter(false, true);
        p.start(4, 40);
        p.rerendering("out/amp/a.wav", "the model file differs");
        p.pairDone(10);
        p.summary(Map.of(Status.RENDERED, 1L, Status.RERENDERED, 1L, Status.SKIPPED, 1L, Status.OTHER_RUN, 1L), 20);

        String all = text.toString();
        assertTrue(all.contains("namcl: rendering out/amp/a.wav again: the model file differs"), all);
        assertTrue(all.contains("\r[1/4] (1 again)  25%"), all);
        assertTrue(all.contains("namcl: 2 rendered (1 of them again: their outputs were made another way), 1 skipped "
                + "(up to date; --overwrite renders them again), 1 left to another namcl run rendering them, 0 failed"),
                all);
    }

    @Test
    void quietKeepsOnlyErrors() {
        ProgressReporter p = reporter(true, true);
        p.start(1, 10);
        p.notice("n");
        p.warn("w");
        p.advance(10);
        p.pairDone(0);
        p.error("e");
        p.summary(Map.of(Status.FAILED, 1L), 0);

        assertEquals("namcl: error: e", text.toString().strip());
        assertFalse(p.live());
    }

    @Test
    void durationsReadEasily() {
        assertEquals("2.5 s", ProgressReporter.duration(2.5));
        assertEquals("1:05", ProgressReporter.duration(65));
        assertEquals("1:02:03", ProgressReporter.duration(3723));
    }

    @Test
    void theLineNamesThePairRenderingNowAndFitsTheTerminal() {
        ProgressReporter p = new ProgressReporter(new PrintWriter(text), false, true, () -> 160, 0);
        p.start(3, 30);
        p.rendering("amp", "takes/" + "very long folder name/".repeat(8) + "take.wav");
        p.pairDone(10);
        String wide = lastLine();

        assertTrue(wide.startsWith("[1/3]  33% amp: takes/very long"), wide);
        assertTrue(wide.contains("...") && wide.contains("name/take.wav"), wide);
        assertEquals(159, wide.length(), "the names fill the line to one column short of the width");
        ProgressReporter narrow = new ProgressReporter(new PrintWriter(text), false, true, () -> 40, 0);
        narrow.start(3, 30);
        narrow.rendering("amp", "takes/" + "very long folder name/".repeat(8) + "take.wav");
        narrow.pairDone(10);
        assertEquals("[1/3]  33% amp: takes/ve...ame/take.wav", lastLine());
    }

    @Test
    void theProcessStoppingLeavesTheSummaryToTheInterruptionWhichGivesItOnce() {
        ProgressReporter p = reporter(false, false);
        RunReport report = new RunReport("test", java.util.List.of(), RenderOptions.builder().build());
        p.start(3, 0);

        p.interrupted(report);
        p.summary(report);
        p.interrupted(report);

        String all = text.toString();
        assertTrue(all.startsWith("namcl: interrupted: 0 of 3 pairs done"), all);
        assertEquals(1, all.lines().filter(l -> l.contains(" rendered, ")).count(), all);
    }

    @Test
    void anInterruptedEvalOrCompareSaysHowManyOfAllThenItsOwnSummaryOnceAndDrawsNoMore() {
        ProgressReporter p = reporter(false, true);
        p.start(3, 30);
        p.pairDone(10);
        StringBuilder summaries = new StringBuilder();

        p.interrupted(() -> summaries.append("table"));
        p.summary(() -> summaries.append("again"));
        p.interrupted(() -> summaries.append("again"));
        int written = text.toString().length();
        p.advance(5);
        p.pairDone(5);

        assertEquals("table", summaries.toString());
        assertTrue(text.toString().endsWith("\rnamcl: interrupted: 1 of 3 pairs done" + System.lineSeparator()),
                text::toString);
        assertEquals(written, text.toString().length(), "no progress line after the summary");
    }

    @Test
    void aSourceNamesItsPairAtItsFirstReadAndCountsItsSecondsButNotItsTail() throws java.io.IOException {
        ProgressReporter p = new ProgressReporter(new PrintWriter(text), false, true, () -> 100, 0);
        p.start(1, 2);
        float[] samples = new float[30];
        ProgressSource s = p.counting(org.namcl.engine.ArraySignal.source(samples), 10, 2, "amp", "take.wav");
        assertEquals("", text.toString(), "nothing before the engine reads");

        s.read(new float[][] {new float[30]}, 0, 15);
        s.read(new float[][] {new float[30]}, 0, 15); // 0.5 s of the pair.s 2 s: the rest is a tail

        assertEquals(2.0, s.advanced(), 1e-12);
        assertEquals(0.0, s.remaining(), 1e-12);
        p.settled(0);
        p.pairDone(s.remaining());
        assertTrue(lastLine().startsWith("[1/1] 100% amp: take.wav"), lastLine());
    }

    @Test
    void theLineIsTakenOffBeforeSomethingElseIsWrittenToTheTerminal() {
        ProgressReporter p = reporter(false, true);
        p.start(2, 20);
        p.pairDone(10);
        String drawn = text.toString();

        p.clear();
        p.clear();

        assertTrue(text.toString().substring(drawn.length()).matches("\r +\r"), text::toString);
    }

    @Test
    void workSettledWithoutAPairCountsTowardsTheShareDone() {
        ProgressReporter p = new ProgressReporter(new PrintWriter(text), false, true, () -> 100, 0);
        p.start(2, 40);
        p.settled(10); // a baseline that failed: its 10 s are over
        p.pairDone(10);

        assertTrue(lastLine().startsWith("[1/2]  50%"), lastLine());
    }

    /** The progress line drawn last. */
    private String lastLine() {
        String all = text.toString();
        return all.substring(all.lastIndexOf('\r') + 1).stripTrailing();
    }

    @Test
    void withoutATerminalProgressIsAPlainLineNowAndThen() throws InterruptedException {
        ProgressReporter p = new ProgressReporter(new PrintWriter(text), false, false, () -> 40, 200_000_000);
        p.start(2, 20);
        p.rendering("amp", "takes/a.wav");
        Thread.sleep(250);
        p.advance(5);
        p.advance(1); // sooner than the interval: no line

        String all = text.toString();
        assertFalse(all.contains("\r"), all);
        assertEquals(1, all.lines().count(), all);
        assertTrue(all.startsWith("namcl: progress [0/2]  25% amp: takes/a.wav "), all);
        assertTrue(all.strip().matches(".* [0-9.]+x real time ETA [0-9:]+"), all);
    }
}
