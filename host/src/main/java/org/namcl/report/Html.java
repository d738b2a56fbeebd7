package org.namcl.report;

/** What namcl's self-contained HTML reports share: escaping of strangers' text, the base style. */
public final class Html {
    /** The page, tables, charts and sections; each report adds its own rules after it. */
    public static final String BASE_STYLE = """
            body { font-family: sans-serif; margin: 2em; color: #222; max-width: 1900px; }
            h1 { margin-bottom: 0.2em; }
            .run, .path { color: #666; font-size: 0.9em; word-break: break-all; }
            table { border-collapse: collapse; font-size: 0.85em; margin: 1em 0; }
            th, td { border: 1px solid #ddd; padding: 0.25em 0.5em; text-align: right; }
            th { background: #f0f0f0; }
            figure.chart { margin: 0.5em 0; }
            figure.chart svg { max-width: 100%; height: auto; }
            .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); gap: 0.5em; }
            section { border-top: 1px solid #ccc; margin-top: 1.5em; }
            """;

    private Html() {
    }

    /** Text for HTML element content and attribute values (file names and metadata are strangers' data). */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
