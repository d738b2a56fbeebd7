package org.namcl.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void separatorsAndControlCharactersInNamesBecomeUnderscores() {
        assertEquals("amp_v2_", OutputPaths.modelName(Path.of("amp\\v2\n.nam")));
        assertEquals(Path.of("sub/a_b.wav"), OutputPaths.relativeOutput(Path.of("sub/a\tb.wav")));
        InputFile in = new InputFile(Path.of("takes/x\u0007.wav"), Path.of("x\u0007.wav"), null);
        assertEquals(Path.of("out/a_b/x_.wav"), OutputPaths.output(Path.of("out"), "a_b", in));
    }

    @Test
    void aModelNameOfOnlyDotsIsRefusedItWouldLeadOutOfTheOutputFolder() {
        InputFile in = new InputFile(Path.of("take.wav"), Path.of("take.wav"), null);
        for (String model : new String[] {"...nam", "..nam", "..", "."}) {
            String name = OutputPaths.modelName(Path.of(model));
            RenderException e = assertThrows(RenderException.class, () -> OutputPaths.output(Path.of("out"), name, in),
                    model);
            assertTrue(e.getMessage().contains("rename the file"), e::getMessage);
        }
    }

    @Test
    void anInputPathWithAPartOfOnlyDotsIsRefused() {
        InputFile in = new InputFile(Path.of("a/../../x.wav"), Path.of("../../x.wav"), null);
        RenderException e = assertThrows(RenderException.class, () -> OutputPaths.output(Path.of("out"), "amp", in));
        assertTrue(e.getMessage().contains("no safe output name"), e::getMessage);
    }
}
