package org.namcl.docs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.audio.SampleEncoding;
import org.namcl.audio.Wav;
import org.namcl.model.net.Network;
import org.namcl.samples.SamplesFolder;

/** The README's "Use namcl from Java" is code that compiles ({@link UseFromJava}) and does what it says. */
class UseFromJavaTest {
    private static final Path REPOSITORY = SamplesFolder.find().getParent();
    private static final Path MODEL = SamplesFolder.find().resolve("models/namcl-demo-overdrive.nam");
    private static final Path TAKE = SamplesFolder.find().resolve("di/plucked-guitar.wav");

    @TempDir
    Path dir;

    @Test
    void theReadmesCodeBlocksAreTheCompiledOnes() throws IOException {
        String readme = Files.readString(REPOSITORY.resolve("README.md"));
        int section = readme.indexOf("\n## Use namcl from Java\n");
        assertTrue(section >= 0, "the README has the section");
        int end = readme.indexOf("\n## ", section + 1);
        List<String> shown = blocks(Pattern.compile("```java\n(.*?)```", Pattern.DOTALL),
                readme.substring(section, end < 0 ? readme.length() : end));
        String source = Files.readString(REPOSITORY.resolve("host/src/test/java/org/namcl/docs/UseFromJava.java"));
        List<String> compiled = blocks(Pattern.compile("// README\n(.*?)\\s*// END", Pattern.DOTALL), source);

        assertEquals(5, compiled.size());
        assertEquals(compiled, shown);
    }

    /** The first group of every match, its common indentation removed. */
    private static List<String> blocks(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        for (Matcher m = p.matcher(text); m.find(); ) {
            out.add(m.group(1).stripIndent().strip());
        }
        return out;
    }

    @Test
    void theExamplesRender() throws IOException {
        Network net = UseFromJava.load(MODEL);
        assertNotNull(net);
        Path wetFile = dir.resolve("wet.wav");

        float[] wet = UseFromJava.renderArray(net, TAKE, wetFile);
        float[] live = UseFromJava.stream(net, Wav.read(TAKE).channel(0));

        assertArrayEquals(wet, Wav.read(wetFile).channel(0), "the file written holds the array rendered");
        assertArrayEquals(wet, live, "streaming in blocks gives the offline render bit for bit");
        assertFalse(isSilent(wet));
    }

    @Test
    void theFileExampleRendersAFolder() throws IOException {
        Path takes = Files.createDirectories(dir.resolve("takes"));
        Files.copy(TAKE, takes.resolve("take.wav"));

        assertEquals(0, UseFromJava.renderFiles(MODEL, takes, dir.resolve("out")));

        Wav out = Wav.read(dir.resolve("out/namcl-demo-overdrive/take.wav"));
        assertEquals(SampleEncoding.PCM24, out.format().encoding());
        assertTrue(out.frames() > Wav.read(TAKE).frames(), "with its tail");
    }

    @Test
    void anEngineIsChosen() {
        assertFalse(UseFromJava.chooseEngine().isBlank());
    }

    private static boolean isSilent(float[] x) {
        for (float v : x) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }
}
