package dev.salvo.cli.fetch;

import dev.salvo.cli.common.BadInputException;
import dev.salvo.cli.common.DurationConverter;
import dev.salvo.cli.common.FileReason;
import dev.salvo.client.Headers;
import dev.salvo.client.Request;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What every fetched URL is sent with: {@code -X}, {@code -H}, {@code -d} and {@code --timeout}
 * (curl's spellings). Checked once, before any request is sent, by {@link #template(boolean)}.
 */
final class RequestOptions {
    /** The most {@code -d @FILE} reads: the body is held in memory and sent with every URL. */
    static final long MAX_BODY_BYTES = 64L * 1024 * 1024;
    /** A download's whole-call limit without {@code --timeout}: in effect none. */
    static final Duration DOWNLOAD_DEADLINE = Duration.ofDays(1);
    /** A download's idle timeout without {@code --idle-timeout}. */
    static final Duration DOWNLOAD_IDLE = Duration.ofSeconds(30);

    @Option(names = {"-X", "--request"}, paramLabel = "METHOD",
            description = "HTTP method (default: GET, or POST with -d).")
    String method;

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'",
            description = "A header to send; repeat for more.")
    List<String> headers = new ArrayList<>();

    @Option(names = {"-d", "--data"}, paramLabel = "DATA",
            description = "Request body: text, @FILE for a file's bytes, or @- for standard input. "
                    + "Content-Type defaults to application/x-www-form-urlencoded, as in curl.")
    String data;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Deadline for each URL, queue wait included (10s, 250ms, 1.5; default: 30s, none with -o/-O).")
    Duration timeout;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Fail a URL whose response goes this long without a byte, head or body "
                    + "(default: 30s with -o/-O, else none).")
    Duration idleTimeout;

    /**
     * The method, headers, body and time limits every URL's request gets; bad values are bad input.
     * A download ({@code -o}/{@code -O}) has no whole-call limit unless {@code --timeout} gives one
     * (a big file may take long) and an idle timeout of {@link #DOWNLOAD_IDLE} (a stalled one may not).
     */
    Request.Builder template(boolean download) {
        Request.Builder template = Request.newBuilder("http://template.invalid/");
        byte[] body = data == null ? new byte[0] : body(data);
        String verb = method != null ? method.strip() : data != null ? "POST" : "GET";
        try {
            template.method(verb, body);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("-X: " + e.getMessage(), e);
        }
        Headers.Builder all = Headers.newBuilder();
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new BadInputException("-H '" + printable(header) + "': expected 'Name: value'");
            }
            try {
                all.add(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new BadInputException("-H '" + printable(header) + "': " + e.getMessage(), e);
            }
        }
        if (data != null && all.build().first("Content-Type").isEmpty()) {
            all.add("Content-Type", "application/x-www-form-urlencoded");
        }
        try {
            template.headers(all.build());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("-H: " + e.getMessage(), e);
        }
        Duration whole = positive("--timeout", timeout, download ? DOWNLOAD_DEADLINE : null);
        if (whole != null) {
            template.deadline(whole);
        }
        Duration idle = positive("--idle-timeout", idleTimeout, download ? DOWNLOAD_IDLE : null);
        if (idle != null) {
            template.bodyIdleTimeout(idle);
        }
        return template;
    }

    private static Duration positive(String flag, Duration given, Duration otherwise) {
        if (given != null && given.isZero()) {
            throw new BadInputException(flag + " must be more than 0");
        }
        return given != null ? given : otherwise;
    }

    private static byte[] body(String data) {
        if (!data.startsWith("@")) {
            return data.getBytes(StandardCharsets.UTF_8);
        }
        String name = data.substring(1);
        if (name.equals("-")) {
            return readAtMost(System.in, "standard input");
        }
        Path file = Path.of(name);
        try (InputStream in = Files.newInputStream(file)) {
            return readAtMost(in, name);
        } catch (IOException e) {
            throw new BadInputException("-d @" + name + ": " + FileReason.of(e), e);
        }
    }

    private static byte[] readAtMost(InputStream in, String what) {
        try {
            byte[] bytes = in.readNBytes((int) MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new BadInputException("-d: " + what + " is larger than " + MAX_BODY_BYTES / (1024 * 1024) + " MiB");
            }
            return bytes;
        } catch (IOException e) {
            throw new BadInputException("-d: cannot read " + what + ": " + FileReason.of(e), e);
        }
    }

    private static String printable(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }
}
