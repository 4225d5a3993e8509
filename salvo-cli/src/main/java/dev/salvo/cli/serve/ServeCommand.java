package dev.salvo.cli.serve;

import dev.salvo.cli.common.BadInputException;
import dev.salvo.cli.common.ByteSizeConverter;
import dev.salvo.cli.common.CleanStop;
import dev.salvo.cli.common.CommandFailedException;
import dev.salvo.cli.common.DurationConverter;
import dev.salvo.cli.common.OneLineErrors;
import dev.salvo.cli.common.Output;
import dev.salvo.server.SalvoServer;
import dev.salvo.server.ServerConfig;
import dev.salvo.server.ServerTls;
import dev.salvo.server.Strategy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code salvo serve}: the embedded server (httpbin, the seed services, five strategies) on a port. */
@Command(name = "serve", sortOptions = false,
        description = {"Serve httpbin's endpoints and the seed services offline (seed 003, S5).",
            "One access-log line per request on stderr unless --quiet or --access-log; Ctrl-C stops it cleanly.",
            "Cleartext by default (HTTP/1.1 and h2c on one port); --tls or --cert/--key serve TLS instead."})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8000",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = "async",
            description = "async, sync, blocking, threads or cpu: where each request's waiting and work runs"
                + " (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "5",
            description = "Pool size of the threads strategy (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--max-duration", paramLabel = "D", defaultValue = "10s", converter = DurationConverter.class,
            description = "Longest /delay or /?cost= a request may ask for (default: ${DEFAULT-VALUE}).")
    Duration maxDuration;

    @Option(names = "--max-body", paramLabel = "B", defaultValue = "1MiB", converter = ByteSizeConverter.class,
            description = "Largest request body (413 above) and /bytes size (default: ${DEFAULT-VALUE}).")
    int maxBody;

    @Option(names = "--max-stream", paramLabel = "B", defaultValue = "1GiB", converter = ByteSizeConverter.class,
            description = "Largest /bytes and /stream-bytes body, written as the client reads (default: ${DEFAULT-VALUE}).")
    int maxStream;

    @Option(names = "--max-upload", paramLabel = "B", defaultValue = "1GiB", converter = ByteSizeConverter.class,
            description = "Largest POST /upload body, hashed as it arrives (default: ${DEFAULT-VALUE}).")
    int maxUpload;

    @Option(names = "--head-timeout", paramLabel = "D", defaultValue = "10s", converter = DurationConverter.class,
            description = "Time to send a whole request line and headers, else 408 (default: ${DEFAULT-VALUE}).")
    Duration headTimeout;

    @Option(names = "--write-timeout", paramLabel = "D", defaultValue = "30s", converter = DurationConverter.class,
            description = "A client that takes no reply bytes this long is cut (default: ${DEFAULT-VALUE}).")
    Duration writeTimeout;

    @Option(names = "--max-connections", paramLabel = "N",
            description = "Open connections beyond this get a 503 (default: 10000, at most 3/4 of the file-descriptor limit).")
    Integer maxConnections;

    @Option(names = "--max-outbound", paramLabel = "B", defaultValue = "256MiB", converter = ByteSizeConverter.class,
            description = "Reply bytes the server holds for slow clients in all; past it they are cut (default: ${DEFAULT-VALUE}).")
    int maxOutbound;

    @Option(names = "--access-log", paramLabel = "FILE", defaultValue = "-",
            description = "Access log: - (stderr), off, or a file appended to (default: ${DEFAULT-VALUE}).")
    String accessLog;

    @Option(names = "--access-log-sample", paramLabel = "N", defaultValue = "1",
            description = "Log one request in N (default: ${DEFAULT-VALUE}: every request).")
    long accessLogSample;

    @Option(names = {"-q", "--quiet"}, description = "No access log (same as --access-log off).")
    boolean quiet;

    @Option(names = "--tls", description = "Serve TLS (h2, else HTTP/1.1, by ALPN) with a self-signed certificate for"
                + " localhost, 127.0.0.1 and ::1 made at start; the path of its PEM file is printed.")
    boolean tls;

    @Option(names = "--cert", paramLabel = "FILE",
            description = "Serve TLS with this PEM certificate chain, leaf first (needs --key).")
    Path cert;

    @Option(names = "--key", paramLabel = "FILE",
            description = "The unencrypted PKCS#8 PEM private key (BEGIN PRIVATE KEY) of --cert.")
    Path key;

    @Override
    public Integer call() throws InterruptedException {
        Output output = Output.of(spec);
        ServerConfig.Builder builder = config();
        tlsIdentity(output).ifPresent(builder::tls);
        Optional<AccessLogSink> log = AccessLogSink.open(quiet ? "off" : accessLog, accessLogSample, output);
        log.ifPresent(builder::accessLog);
        ServerConfig config = builder.build();
        SalvoServer server;
        try {
            server = SalvoServer.start(config);
        } catch (RuntimeException e) {
            log.ifPresent(AccessLogSink::close);
            throw bindFailure(e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        AutoCloseable stop = () -> {
            server.close();
            log.ifPresent(AccessLogSink::close);
            output.message("Stopped.");
            stopped.countDown();
        };
        CleanStop.register(stop);
        output.message("Serving on " + server.url("/") + " (strategy " + config.strategy().cliName()
                + "); Ctrl-C stops it.");
        try {
            stopped.await();
        } finally {
            CleanStop.unregister(stop);
            server.close();
        }
        return 0;
    }

    /**
     * The TLS identity of {@code --cert}/{@code --key} (checked: files, PEM, the key matching), or a
     * self-signed one for {@code --tls}, whose PEM path goes to stderr; empty for cleartext.
     */
    private Optional<ServerTls> tlsIdentity(Output output) {
        if (key != null && cert == null) {
            throw new ParameterException(spec.commandLine(), "--key needs --cert (the certificate of the key)");
        }
        if (cert != null) {
            if (key == null) {
                throw new ParameterException(spec.commandLine(), "--cert needs --key (the private key of the certificate)");
            }
            try {
                return Optional.of(ServerTls.pem(cert, key));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        if (!tls) {
            return Optional.empty();
        }
        try {
            ServerTls selfSigned = ServerTls.selfSigned();
            Path pem = selfSigned.certificateFile().orElseThrow();
            output.message("Self-signed certificate: " + pem + " (trust it with curl --cacert " + pem + ")");
            return Optional.of(selfSigned);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new CommandFailedException(e.getMessage(), e);
        }
    }

    /** A port in use is the user's to fix (exit 2, one line); any other bind failure exits 1. */
    private RuntimeException bindFailure(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return new BadInputException("port " + port + " is in use", e);
            }
        }
        return new CommandFailedException("cannot serve on " + host + ":" + port + ": " + OneLineErrors.describe(e), e);
    }

    private ServerConfig.Builder config() {
        try {
            if (accessLogSample < 1) {
                throw new IllegalArgumentException("--access-log-sample must be >= 1, got " + accessLogSample);
            }
            ServerConfig.Builder builder = ServerConfig.newBuilder().host(host).port(port)
                    .strategy(Strategy.parse(strategy)).threads(threads).maxDuration(maxDuration).maxBody(maxBody)
                    .maxStream(maxStream).maxUpload(maxUpload).headTimeout(headTimeout).writeTimeout(writeTimeout)
                    .maxOutbound(maxOutbound);
            if (maxConnections != null) {
                builder.maxConnections(maxConnections);
            }
            return builder;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
