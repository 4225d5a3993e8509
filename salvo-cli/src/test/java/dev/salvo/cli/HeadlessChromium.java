package dev.salvo.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's chromium, headless and offline, loading a local page: its DOM after scripts ran and
 * the console messages it logged.
 */
final class HeadlessChromium {
    static final Path BINARY = Path.of("/usr/bin/chromium");

    /** What a page rendered to. */
    record Rendered(String dom, List<String> consoleErrors) {
    }

    private HeadlessChromium() {
    }

    /** Loads {@code page}; fails the test if chromium is missing, hangs or exits with an error. */
    static Rendered dumpDom(Path page, Path workDir) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError("chromium is needed (bin/install-test-tools.sh installs it): " + BINARY);
        }
        Path profile = Files.createTempDirectory(workDir, "chromium-profile");
        Path dom = workDir.resolve("dom.html");
        Path log = workDir.resolve("chromium.log");
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--dump-dom",
                page.toUri().toString()));
        Process chromium = new ProcessBuilder(command).redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
        if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new AssertionError("chromium did not finish within 90 s");
        }
        if (chromium.exitValue() != 0) {
            throw new AssertionError("chromium exited with " + chromium.exitValue() + ":\n" + Files.readString(log));
        }
        List<String> errors = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(":CONSOLE(") || line.contains("Uncaught")).toList();
        return new Rendered(Files.readString(dom, StandardCharsets.UTF_8), errors);
    }
}
