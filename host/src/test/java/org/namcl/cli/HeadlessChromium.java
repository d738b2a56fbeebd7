package org.namcl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Opens a report page in Debian's headless Chromium and reads back its errors and chart sizes. */
final class HeadlessChromium {
    /** Records errors from the start and, once loaded, every chart's size. */
    private static final String PROBE = """
            <script>
            window.probeErrors = [];
            window.addEventListener('error', e => probeErrors.push(String(e.message || e.target.outerHTML)), true);
            const originalError = console.error;
            console.error = (...a) => { probeErrors.push(a.join(' ')); originalError(...a); };
            window.addEventListener('load', () => {
              const sizes = [...document.querySelectorAll('svg')].map(s => {
                const b = s.getBoundingClientRect(); return [b.width, b.height]; });
              const out = document.createElement('pre');
              out.id = 'probe';
              out.textContent = JSON.stringify({errors: probeErrors, sizes: sizes});
              document.body.appendChild(out);
            });
            </script>
            """;

    private HeadlessChromium() {
    }

    /** What the page did in the browser, and what the browser logged. */
    record Probe(JsonNode found, String log) {
        void assertNoErrorsAndChartsSized(int charts) {
            assertEquals(0, found.get("errors").size(), found::toString);
            assertTrue(log.lines().noneMatch(l -> l.contains(":CONSOLE")), log);
            assertEquals(charts, found.get("sizes").size(), found::toString);
            for (JsonNode size : found.get("sizes")) {
                assertTrue(size.get(0).asDouble() > 100 && size.get(1).asDouble() > 100, found::toString);
            }
        }
    }

    /** Chromium on the PATH; required under CI=true. */
    static String find() {
        for (String dirName : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : new String[] {"chromium", "chromium-browser"}) {
                Path candidate = Path.of(dirName, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            fail("CI needs chromium for this test: scripts/ensure-chromium.sh installs it");
        }
        assumeTrue(false, "no chromium on the PATH (scripts/ensure-chromium.sh installs it); skipped outside CI");
        return null;
    }

    /** Opens a copy of {@code html} with the probe, in a profile under {@code dir}. */
    static Probe open(String chromium, Path html, Path dir) throws IOException, InterruptedException {
        Path probed = Files.writeString(dir.resolve("probed.html"),
                Files.readString(html).replaceFirst("<head>", "<head>\n" + Matcher.quoteReplacement(PROBE)));
        Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
        Process p = new ProcessBuilder(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                "--virtual-time-budget=10000", "--dump-dom", probed.toUri().toString()))
                .redirectOutput(dir.resolve("dom.html").toFile())
                .redirectError(dir.resolve("chromium.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish in 120 s");
        }
        String dom = Files.readString(dir.resolve("dom.html"));
        String log = Files.readString(dir.resolve("chromium.log"));
        Matcher m = Pattern.compile("<pre id=\"probe\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertTrue(m.find(), () -> "no probe output; chromium said:\n" + log);
        return new Probe(new ObjectMapper().readTree(m.group(1).replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&")), log);
    }
}
