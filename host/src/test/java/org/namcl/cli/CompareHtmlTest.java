package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.render.TestAudio;
import org.namcl.render.TestModels;

/**
 * {@code compare --html}: the pairs worst first, escaped (file names are strangers' data), and
 * two charts for each of the worst pairs; Debian's headless Chromium opens it with no errors.
 */
class CompareHtmlTest {
    /** A file name that is markup: unescaped, it would load an image and run a script. */
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";

    @TempDir
    Path dir;
    private Path nano;

    @BeforeEach
    void renderAndDoctorTheBaselines() throws IOException {
        nano = TestModels.copy(TestModels.NANO, dir);
        for (String name : new String[] {"a", "b", HOSTILE}) {
            TestAudio.write(dir.resolve("in/" + name + ".wav"), TestAudio.signal(6000, name.length()));
        }
        assertEquals(0, Cli.run("render", "-m", nano, dir.resolve("in"), "-o", dir.resolve("ref"), "--engine",
                "cpu", "--quiet").code());
        Path b = dir.resolve("ref/py__nano/b.wav");
        float[] moved = TestAudio.read(b).channel(0);
        moved[4000] += 1e-3f;
        TestAudio.write(b, moved);
    }

    private String page() throws IOException {
        Path html = dir.resolve("compare.html");
        Cli.Result r = Cli.run("compare", "-m", nano, dir.resolve("in"), "--against", dir.resolve("ref"),
                "--html", html);
        assertEquals(ExitCodes.FAILED, r.code(), r::toString);
        return Files.readString(html);
    }

    @Test
    void thePageListsTheWorstPairFirstEscapesNamesAndNeedsNothingFromOutside() throws IOException {
        String page = page();

        assertFalse(page.contains("<img"), "raw markup from a file name");
        assertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;.wav"), "the name as escaped text");
        int fail = page.indexOf("<tr class=\"fail\">");
        int pass = page.indexOf("<tr class=\"pass\">");
        assertTrue(fail > 0 && fail < pass, "the failing pair first");
        assertTrue(page.indexOf("b.wav", fail) < pass, "b.wav is the failing pair");
        assertFalse(Pattern.compile("(?i)<[^>]*\\s(src|href)\\s*=|@import|url\\((?!#)").matcher(page).find(),
                "the page refers to something outside itself");
        assertEquals(2 * 3, page.split("<svg", -1).length - 1, "two charts for each of the three pairs");
    }

    @Test
    void chromiumOpensThePageWithoutErrorsAndEveryChartHasASize() throws Exception {
        String chromium = HeadlessChromium.find();
        page();

        HeadlessChromium.open(chromium, dir.resolve("compare.html"), dir).assertNoErrorsAndChartsSized(2 * 3);
    }
}
