package org.namcl.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private static final String PAIR = "amp-with-a-long-capture-name: takes/session one/guitar DI take 12.wav";

    private static ProgressLine line(String current) {
        return new ProgressLine(3, 120, 0, 0.25, current, 312.46, 3723);
    }

    @Test
    void wideTerminalsShowEveryFieldInFull() {
        String l = line(PAIR).fit(160);

        assertEquals("[3/120]  25% " + PAIR + " 312.5x real time ETA 1:02:03", l);
    }

    @Test
    void narrowTerminalsCutTheNamesFromTheMiddleThenTheWords() {
        for (int columns = 1; columns <= 200; columns++) {
            String l = line(PAIR).fit(columns);
            assertTrue(l.length() <= columns - 1 || columns == 1 && l.length() == 1,
                    columns + " columns: " + l.length() + " characters: " + l);
        }
        assertEquals("[3/120] amp-w....wav 312.5x ETA 1:02:03", line(PAIR).fit(40),
                "the names keep 12 characters: the percentage and the words of the speed go first");
        assertEquals("[3/120]  25% amp-wit... 12.wav 312.5x real time ETA 1:02:03", line(PAIR).fit(60));
    }

    @Test
    void withoutNamesOrSpeedTheFieldsThatAreKnownShow() {
        assertEquals("[0/4]", new ProgressLine(0, 4, 0, -1, null, 0, -1).fit(80));
        assertEquals("[1/4] (1 again)  50% amp: a.wav", new ProgressLine(1, 4, 1, 0.5, "amp: a.wav", 0, 10).fit(80));
    }

    @Test
    void middleCutKeepsBothEnds() {
        assertEquals("abc...xyz", ProgressLine.middleCut("abcdefghijklmnopqrstuvwxyz", 9));
        assertEquals("short", ProgressLine.middleCut("short", 9));
        assertEquals("ab", ProgressLine.middleCut("abcdef", 2));
    }
}
