package dev.salvo.cli.report;

import dev.salvo.cli.scenario.ScenarioResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the demo's report: the summary table, then per scenario its lesson and its waterfall.
 * Self-contained: no network, no external files. The inline script only counts the bars it finds
 * into {@code data-bars} attributes, so a headless browser can check what it rendered.
 */
public final class HtmlReport {
    private static final String STYLE = """
            body{font:14px/1.4 system-ui,sans-serif;margin:24px auto;padding:0 24px;color:#222;max-width:1000px}
            h1{font-size:22px}h2{font-size:17px;margin-top:28px}
            table{border-collapse:collapse}td,th{padding:3px 10px;border-bottom:1px solid #ddd;text-align:right}
            td:first-child,th:first-child,td:last-child,th:last-child{text-align:left}
            .lesson{color:#555;margin:4px 0 8px}
            svg.waterfall{background:#fafafa;border:1px solid #e4e4e4}
            svg text{font:11px system-ui,sans-serif;fill:#333}svg text.tick{fill:#888;font-size:10px}
            svg text.run{font-weight:600}
            svg line.tick{stroke:#e2e2e2}
            rect.bar{fill:#2f7fd8}rect.bar.failed{fill:#d8372f}rect.queued{fill:#2f7fd8;opacity:.22}
            rect.bar:hover{fill:#f0a020}
            rect.part{pointer-events:none}rect.part.connect{fill:#f2a33a}rect.part.tls{fill:#8e5bc4}
            rect.part.wait{fill:#6cc08b}rect.part.body{fill:#17508f}
            rect.legend.running{fill:#2f7fd8}rect.legend.queued{fill:#2f7fd8;opacity:.22}rect.legend.failed{fill:#d8372f}
            svg text.legend{fill:#555}
            """;
    private static final String SCRIPT = """
            (function () {
              var all = document.querySelectorAll('rect.bar');
              document.documentElement.setAttribute('data-bars', String(all.length));
              document.querySelectorAll('section.scenario').forEach(function (section) {
                section.setAttribute('data-bars', String(section.querySelectorAll('rect.bar').length));
              });
            })();
            """;

    private HtmlReport() {
    }

    /** Writes the report of {@code results}, measured at {@code scale}, to {@code file}. */
    public static void write(Path file, List<ScenarioResult> results, double scale) throws IOException {
        Files.writeString(file, render(results, scale), StandardCharsets.UTF_8);
    }

    /** The report's HTML. */
    static String render(List<ScenarioResult> results, double scale) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Salvo demo report</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>Salvo demo: the seeds replayed, slow way and concurrent way</h1>\n")
                .append(String.format(Locale.ROOT, "<p>Scale %s (every cost multiplied by it; ratios stay). "
                        + "Each bar is one request from start to end; the pale part before it is time spent queued in the "
                        + "client. Within a bar, what the transport reported is shaded: opening the connection (name "
                        + "lookup and TCP), the TLS handshake, waiting for the server's first byte, and the response "
                        + "arriving; what is left in the bar's own blue is sending the request and Salvo's own work. Within a scenario every run is drawn on the same time scale, each from its own first "
                        + "request; a request too short to see is drawn a few pixels wide, after the one before it on "
                        + "its row. Hover a bar for its URL and times.</p>%n",
                        SummaryTable.scale(scale)))
                .append(summary(results));
        for (ScenarioResult result : results) {
            html.append("<section class=\"scenario\" id=\"").append(Html.escape(result.id())).append("\">\n")
                    .append("<h2>").append(Html.escape(result.id() + " — " + result.title())).append("</h2>\n")
                    .append("<p class=\"lesson\">").append(Html.escape(result.lesson())).append("</p>\n")
                    .append(WaterfallSvg.render(result.runs()))
                    .append("</section>\n");
        }
        return html.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n").toString();
    }

    private static String summary(List<ScenarioResult> results) {
        StringBuilder table = new StringBuilder("<table class=\"summary\">\n<tr>");
        for (String heading : SummaryTable.HEADINGS) {
            table.append("<th>").append(Html.escape(heading)).append("</th>");
        }
        table.append("</tr>\n");
        for (ScenarioResult result : results) {
            table.append("<tr>");
            for (String cell : SummaryTable.cells(result)) {
                table.append("<td>").append(Html.escape(cell)).append("</td>");
            }
            table.append("</tr>\n");
        }
        return table.append("</table>\n").toString();
    }
}
