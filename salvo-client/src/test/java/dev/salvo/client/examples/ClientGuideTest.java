package dev.salvo.client.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.LocalServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs every example of docs/client.md and checks the guide shows each one exactly as compiled here. */
class ClientGuideTest {
    @RegisterExtension
    static final LocalServer server = new LocalServer();

    private static String base() {
        return server.url("").replaceAll("/$", "");
    }

    @Test
    void examplesRun() throws Exception {
        String base = base();
        assertEquals(200, ClientGuide.firstRequest(base));
        double limited = ClientGuide.limits(base);
        assertTrue(limited >= 0.38 && limited < 2.5, "8 calls of 0.2 s on 5 slots: " + limited);
        assertEquals("127.0.0.1", ClientGuide.callbacks(base).ip());
        assertTrue(ClientGuide.errorsOnAccess(base).startsWith("deadline: "));
        assertTrue(ClientGuide.errorsBlocking(base).startsWith("refused: "));
        assertEquals(List.of(200, 200, 404), ClientGuide.gather(base));
        assertEquals(List.of(List.of(200, 200), List.of(200, 200)), ClientGuide.batches(base));
        double blocking = ClientGuide.blockingLibrary(base);
        assertTrue(blocking < 1.5, "14 blocking lookups of 0.2 s overlap: " + blocking);
        assertTrue(ClientGuide.ownTransport(base).contains("s3cret"));
    }

    @Test
    void bodiesExampleRuns(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assertEquals(1000L, ClientGuide.bodies(base(), dir));
        assertEquals(1_000_000L, Files.size(dir.resolve("download.bin")));
    }

    @Test
    void theGuideShowsTheExamplesVerbatim() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        Path source = root.resolve("src/test/java/dev/salvo/client/examples/ClientGuide.java");
        Path guide = root.resolve("../docs/client.md").normalize();
        String code = Files.readString(source);
        String doc = Files.readString(guide);
        Matcher tags = Pattern.compile("// tag::([a-z-]+)\\[\\]\\n(.*?)\\n\\s*// end::\\1\\[\\]", Pattern.DOTALL).matcher(code);
        int found = 0;
        while (tags.find()) {
            found++;
            String snippet = dedent(tags.group(2));
            assertTrue(doc.contains(snippet), "docs/client.md must show the example '" + tags.group(1)
                    + "' exactly as in ClientGuide.java:\n" + snippet);
        }
        assertEquals(11, found, "tagged examples in ClientGuide.java");
    }

    /** Removes the common indentation so snippets read naturally in the guide. */
    static String dedent(String block) {
        List<String> lines = block.lines().toList();
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
    }

    /** Prints the snippets as the guide should show them (run by hand when examples change). */
    public static void main(String[] args) throws IOException {
        String code = Files.readString(Path.of(args[0]));
        Matcher tags = Pattern.compile("// tag::([a-z-]+)\\[\\]\\n(.*?)\\n\\s*// end::\\1\\[\\]", Pattern.DOTALL).matcher(code);
        while (tags.find()) {
            System.out.println("<!-- " + tags.group(1) + " -->\n```java\n" + dedent(tags.group(2)) + "\n```\n");
        }
    }
}
