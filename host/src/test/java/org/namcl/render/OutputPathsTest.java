package org.namcl.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OutputPathsTest {

    @Test
    void aModelIsNamedAfterItsFile() {
        assertEquals("amp", OutputPaths.modelName(Path.of("models/amp.nam")));
        assertEquals("Amp.v2", OutputPaths.modelName(Path.of("Amp.v2.NAM")));
        assertEquals("amp.json", OutputPaths.modelName(Path.of("amp.json")));
        assertEquals(".nam", OutputPaths.modelName(Path.of(".nam")));
    }

    @Test
    void outputsKeepTheRelativePathWithAWavExtension() {
        assertEquals(Path.of("a/b/take.wav"), OutputPaths.relativeOutput(Path.of("a/b/take.WAV")));
        assertEquals(Path.of("take.wav"), OutputPaths.relativeOutput(Path.of("take.aiff")));
        assertEquals(Path.of("v1.2 take.wav"), OutputPaths.relativeOutput(Path.of("v1.2 take.wav")));
        assertEquals(Path.of("noext.wav"), OutputPaths.relativeOutput(Path.of("noext")));
        assertEquals(Path.of(".hidden.wav"), OutputPaths.relativeOutput(Path.of(".hidden")));
    }

    @Test
    void theOutputGoesUnderTheModelsFolder() {
        InputFile in = new InputFile(Path.of("takes/sub/x.wav"), Path.of("sub/x.wav"), null);
        assertEquals(Path.of("out/amp/sub/x.wav"), OutputPaths.output(Path.of("out"), "amp", in));
    }
}
