package dev.salvo.cli.bench;

import dev.salvo.bench.BenchConfig;
import dev.salvo.bench.BenchResult;
import dev.salvo.bench.LoadTransport;
import dev.salvo.bench.Scenario;
import dev.salvo.cli.common.BadInputException;
import dev.salvo.client.Request;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * Checks the options of a {@link BenchCommand} and turns them into a {@link BenchConfig}. Every
 * problem becomes a {@link BadInputException} whose one-line message names the flag.
 */
final class BenchSettings {
    /** The most requests in flight a run may keep (-c × --streams). */
    private static final long MAX_IN_FLIGHT = 1_000_000;
    private final BenchCommand options;

    BenchSettings(BenchCommand options) {
        this.options = options;
    }

    BenchConfig config() {
        if (options.url == null) {
            throw new BadInputException("give the URL to load (or merge reports: salvo bench merge FILE…)");
        }
        if (options.requests != null && options.duration != null) {
            throw new BadInputException("-n and -d cannot be combined: give a request count or a duration");
        }
        if (options.body != null && options.bodyFile != null) {
            throw new BadInputException("-b and -B cannot be combined: give the body as text or as a file");
        }
        positive(options.connections, "-c");
        if (options.threads != null) {
            positive(options.threads, "--threads");
        }
        positiveTime(options.timeout, "--timeout");
        BenchReports.writable(options.json, "--json");
        BenchReports.writable(options.html, "--html");
        positive(options.streams, "--streams");
        if (options.noKeepAlive && options.http2) {
            throw new BadInputException("--no-keepalive is HTTP/1.1's: --http2 multiplexes requests on long-lived connections");
        }
        if (options.streams > 1 && !options.http2) {
            throw new BadInputException("--streams needs --http2: an HTTP/1.1 connection carries one request at a time");
        }
        if ((long) options.connections * options.streams > MAX_IN_FLIGHT) {
            throw new BadInputException(String.format(java.util.Locale.ROOT,
                    "-c × --streams must be at most %,d, got %,d", MAX_IN_FLIGHT, (long) options.connections * options.streams));
        }
        BenchConfig.Builder builder = BenchConfig.builder(request()).connections(options.connections * options.streams)
                .timeout(options.timeout);
        if (options.requests != null) {
            positive(options.requests, "-n");
            if (options.requests > BenchConfig.MAX_REQUESTS) {
                throw new BadInputException(String.format(java.util.Locale.ROOT,
                        "-n must be at most %,d, got %,d; for an endless run give a long -d", BenchConfig.MAX_REQUESTS,
                        options.requests));
            }
            builder.requests(options.requests);
        }
        if (options.duration != null) {
            positiveTime(options.duration, "-d");
            builder.duration(options.duration);
        }
        if (options.rate != null) {
            if (!(options.rate > 0) || options.rate.isInfinite()) {
                throw new BadInputException("-R must be a positive number of requests per second, got " + options.rate);
            }
            builder.rate(options.rate);
        }
        if (options.warmup != null) {
            builder.warmup(options.warmup);
        }
        BenchReports.objectives(options.slos).forEach(builder::slo);
        if (options.scenario != null) {
            if (options.requests != null) {
                throw new BadInputException("-n cannot be combined with --scenario: a scenario run is timed, give -d");
            }
            builder.scenario(scenario(options.scenario));
        }
        return builder.build();
    }

    static LoadTransport transport(String name) {
        try {
            return LoadTransport.named(name);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--transport: " + e.getMessage());
        }
    }

    /** "connect 50 (ConnectFailedException: …)" for the kinds that occurred. */
    static String errorSummary(BenchResult result) {
        return result.errors().entrySet().stream()
                .filter(e -> e.getValue().count() > 0)
                .map(e -> e.getKey().key() + " " + e.getValue().count()
                        + e.getValue().messages().keySet().stream().findFirst().map(m -> ": " + m).orElse(""))
                .collect(Collectors.joining("; "));
    }

    private Request request() {
        try {
            Request.Builder request = Request.newBuilder(options.url);
            request.method(options.method, body());
            for (String header : options.headers) {
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    throw new BadInputException("-H wants 'Name: value', got '" + header + "'");
                }
                request.header(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
            }
            return request.build();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    private byte[] body() {
        if (options.bodyFile != null) {
            try {
                return Files.readAllBytes(options.bodyFile);
            } catch (IOException e) {
                throw new BadInputException("-B: cannot read " + options.bodyFile + ": " + reason(e), e);
            }
        }
        return options.body == null ? new byte[0] : options.body.getBytes(StandardCharsets.UTF_8);
    }

    private static Scenario scenario(Path file) {
        try {
            return Scenario.read(file);
        } catch (IOException e) {
            throw new BadInputException("--scenario: cannot read " + file + ": " + reason(e), e);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--scenario: " + e.getMessage(), e);
        }
    }

    /** Why a file could not be read, in words: "no such file", "permission denied", "is a directory". */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void positive(long value, String flag) {
        if (value <= 0) {
            throw new BadInputException(flag + " must be positive, got " + value);
        }
    }

    private static void positiveTime(Duration value, String flag) {
        if (value.isZero() || value.isNegative()) {
            throw new BadInputException(flag + " must be a positive time, got " + value.toMillis() + "ms");
        }
    }
}
