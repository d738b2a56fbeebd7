package org.namcl.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SampleEncodingTest {

    @Test
    void cliNamesRoundTrip() {
        for (SampleEncoding e : SampleEncoding.values()) {
            assertEquals(e, SampleEncoding.fromCliName(e.cliName()));
        }
        assertEquals(SampleEncoding.FLOAT32, SampleEncoding.fromCliName(" F32 "));
        assertEquals(24, SampleEncoding.fromCliName("pcm24").bits());
    }

    @Test
    void unknownCliNameListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SampleEncoding.fromCliName("mp3"));
        assertTrue(e.getMessage().contains("'mp3'") && e.getMessage().contains("pcm16, pcm24, pcm32, f32, f64"),
                e.getMessage());
    }

    @Test
    void formatDerivesFrameSizeAndRejectsNonsense() {
        WavFormat format = new WavFormat(6, 48000, SampleEncoding.PCM24);
        assertEquals(18, format.blockAlign());
        assertEquals(864000, format.byteRate());
        assertEquals(new WavFormat(6, 48000, SampleEncoding.FLOAT32), format.withEncoding(SampleEncoding.FLOAT32));
        assertThrows(IllegalArgumentException.class, () -> new WavFormat(0, 48000, SampleEncoding.PCM16));
        assertThrows(IllegalArgumentException.class, () -> new WavFormat(2, 0, SampleEncoding.PCM16));
    }
}
