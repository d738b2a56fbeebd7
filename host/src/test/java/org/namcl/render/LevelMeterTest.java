package org.namcl.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LevelMeterTest {

    @Test
    void aHalfScaleConstantIsMinusSixDbWithItsDc() {
        LevelMeter m = new LevelMeter();
        m.add(new float[][] {{0.5f, 0.5f, 0.5f}, {0.5f, 0.5f, 0.5f}}, 0, 3);

        // 20 log10(0.5) = -6.0206
        assertEquals(new Levels(-6.02, -6.02, 0.5, 0), m.levels());
    }

    @Test
    void countsSamplesBeyondFullScaleAcrossCallsAndChannelsFromTheOffset() {
        LevelMeter m = new LevelMeter();
        m.add(new float[][] {{9f, 1f, -1.5f}, {9f, 0f, 2f}}, 1, 2);
        m.add(new float[][] {{-1f}, {1.0001f}}, 0, 1);

        Levels l = m.levels();
        assertEquals(3, l.samplesOverFullScale(), "-1.5, 2 and 1.0001; not 1 or -1, nor the 9s before the offset");
        assertEquals(6.02, l.peakDbfs()); // 20 log10(2) = 6.0206
        // mean of 1, -1.5, 0, 2, -1, 1.0001 = 1.5001 / 6 = 0.2500167
        assertEquals(0.250017, l.dc());
        // RMS: 20 log10(sqrt((1 + 2.25 + 0 + 4 + 1 + 1.0002) / 6)) = 1.8800
        assertEquals(1.88, l.rmsDbfs());
    }

    @Test
    void silenceHasNoLevelInDb() {
        LevelMeter m = new LevelMeter();
        m.add(new float[][] {new float[100]}, 0, 100);

        assertNull(m.levels().peakDbfs());
        assertNull(m.levels().rmsDbfs());
        assertEquals(0.0, m.levels().dc());
    }
}
