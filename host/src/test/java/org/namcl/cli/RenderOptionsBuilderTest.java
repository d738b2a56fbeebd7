package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.render.EngineChoice;
import org.namcl.render.OutputFormat;
import org.namcl.render.RenderOptions;
import org.namcl.render.RunReport;
import org.namcl.render.TestAudio;
import org.namcl.render.TestModels;

class RenderOptionsBuilderTest {
    @TempDir
    Path dir;

    @Test
    void theBuildersDefaultsAreRendersDefaults() throws IOException {
        Path model = TestModels.copy(TestModels.DEMONET, dir);
        Path input = TestAudio.write(dir.resolve("in.wav"), TestAudio.signal(100, 1));
        Path report = dir.resolve("run.json");

        Cli.run("render", "-m", model, input, "-o", dir.resolve("out"), "--report", report);

        assertEquals(new ObjectMapper().readTree(report.toFile()).get("options"),
                RunReport.MAPPER.valueToTree(RenderOptions.builder().build()));
    }

    @Test
    void namesAreTheRecordsComponents() {
        RenderOptions o = RenderOptions.builder().engine(EngineChoice.OPENCL).device("1").threads(3).slim(0.5)
                .format(OutputFormat.PCM24).normalize(true).inputGainDb(-3).outputGainDb(6).overwrite(true)
                .tailSeconds(1.5).mixMono(true).resample(true).build();

        assertEquals(new RenderOptions(EngineChoice.OPENCL, "1", 3, 0.5, OutputFormat.PCM24, true, -3, 6, true, true,
                1.5, true, true), o);
    }

    @Test
    void buildValidatesNamingTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RenderOptions.builder().threads(0).build());

        assertTrue(e.getMessage().startsWith("--threads must be at least 1"), e::getMessage);
    }
}
