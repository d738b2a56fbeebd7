package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namcl.eval.Reamp;
import org.namcl.render.TestAudio;
import org.namcl.render.TestModels;

/**
 * {@code eval --html}: the page opened in Debian's headless Chromium loads with no console
 * errors, every chart has a size, and a hostile model name is shown as text, never as markup.
 * Chromium is required under CI=true (scripts/ensure-chromium.sh installs it), skipped elsewhere.
 */
class EvalHtmlReportTest {
    /** A file name that is markup: unescaped, it would load an image and run a script. */
    static final String HOSTILE = "<img src=x onerror=alert(1)> & \"amp\" 'co'";
    static final String HOSTILE_METADATA = "<script>alert(2)</script>";

    @TempDir
    Path dir;
    Path models;
    Path di;
    Path target;

    @BeforeEach
    void setUp() throws IOException {
        models = dir.resolve("models");
        Path nano = TestModels.copy(TestModels.NANO, models);
        TestModels.copy(TestModels.DEMONET, models);
        // its metadata is markup too
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode hostile = (ObjectNode) mapper.readTree(
                TestModels.copy(TestModels.SLIMMABLE, dir.resolve("tmp")).toFile());
        ObjectNode metadata = hostile.putObject("metadata");
        metadata.put("name", HOSTILE_METADATA);
        metadata.put("modeled_by", "</p><img src=y onerror=alert(3)>");
        mapper.writeValue(models.resolve(HOSTILE + ".nam").toFile(), hostile);
        float[] x = TestAudio.signal(3 * 48_000, 7);
        di = TestAudio.write(dir.resolve("di.wav"), x);
        float[] y = TestModels.stream(TestModels.net(nano), x);
        target = TestAudio.write(dir.resolve("target.wav"), Reamp.target(y, 12, -0.5, 1e-4, 100));
    }

    @Test
    void thePageEscapesNamesAndNeedsNothingFromOutside() throws IOException {
        Path html = dir.resolve("report.html");
        Cli.Result r = Cli.run("eval", "-m", models, "--input", di, "--target", target, "--engine", "cpu",
                "--html", html);

        assertEquals(0, r.code(), r::toString);
        String page = Files.readString(html);
        assertFalse(page.contains("<img"), "raw markup from a file name");
        assertFalse(page.contains("onerror=alert(1)>"), "raw markup from a file name");
        assertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;amp&quot; &#39;co&#39;"),
                "the name as escaped text");
        assertFalse(page.contains("<script"), "raw markup from metadata");
        assertTrue(page.contains("&lt;script&gt;alert(2)&lt;/script&gt;; modeled by &lt;/p&gt;&lt;img src=y"),
                "the metadata as escaped text");
        assertFalse(Pattern.compile("(?i)<[^>]*\\s(src|href)\\s*=|@import|url\\((?!#)").matcher(page).find(),
                "the page refers to something outside itself");
        assertEquals(1 + 3 * 4, count(page, "<svg"), "the ranking and four charts per model");
    }

    @Test
    void chromiumOpensThePageWithoutErrorsAndEveryChartHasASize() throws Exception {
        String chromium = HeadlessChromium.find();
        Path html = dir.resolve("report.html");
        Cli.Result r = Cli.run("eval", "-m", models, "--input", di, "--target", target, "--engine", "cpu",
                "--html", html);
        assertEquals(0, r.code(), r::toString);

        HeadlessChromium.Probe found = HeadlessChromium.open(chromium, html, dir);

        found.assertNoErrorsAndChartsSized(1 + 3 * 4);
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
