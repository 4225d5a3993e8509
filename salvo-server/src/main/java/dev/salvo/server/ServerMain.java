package dev.salvo.server;

import dev.salvo.server.internal.http.ParamParser;
import java.util.concurrent.CountDownLatch;

/**
 * A plain {@code main} for scripts and benchmarks (the user-facing command is {@code salvo serve}):
 * {@code java -cp … dev.salvo.server.ServerMain [--port N] [--strategy S] [--threads N] [--host H]
 * [--max-duration D] [--max-body BYTES] [--max-stream BYTES] [--max-upload BYTES] [--head-timeout D]
 * [--write-timeout D] [--max-connections N] [--max-outbound BYTES] [--tls] [--quiet]}. Prints {@code listening on URL} to stdout,
 * one access-log line per request to stderr unless {@code --quiet}; stops cleanly on Ctrl-C. With
 * {@code --tls} it serves TLS with a self-signed certificate whose PEM file it names on stderr.
 * Bad arguments: a one-line message and exit code 2; an address that cannot be bound: one line, exit 1.
 */
public final class ServerMain {
    private ServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServerConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException | IllegalStateException | ArrayIndexOutOfBoundsException e) {
            System.err.println("salvo-server: " + (e instanceof ArrayIndexOutOfBoundsException ? "missing option value" : e.getMessage()));
            System.exit(2);
            return;
        }
        SalvoServer server;
        try {
            server = SalvoServer.start(config);
        } catch (java.io.UncheckedIOException e) {
            System.err.println("salvo-server: " + e.getCause().getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "salvo-shutdown"));
        System.out.println("listening on " + server.url("/") + " with strategy " + config.strategy().cliName());
        System.out.flush();
        stopped.await();
    }

    static ServerConfig parse(String[] args) {
        ServerConfig.Builder b = ServerConfig.newBuilder().port(8000);
        if (!java.util.Arrays.asList(args).contains("--quiet")) {
            b.accessLog(System.err::println);
        }
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> b.port(Integer.parseInt(args[++i]));
                case "--host" -> b.host(args[++i]);
                case "--strategy" -> b.strategy(Strategy.parse(args[++i]));
                case "--threads" -> b.threads(Integer.parseInt(args[++i]));
                case "--max-duration" -> b.maxDuration(ParamParser.parseDuration(args[++i]));
                case "--max-body" -> b.maxBody(Integer.parseInt(args[++i]));
                case "--max-stream" -> b.maxStream(Long.parseLong(args[++i]));
                case "--max-upload" -> b.maxUpload(Long.parseLong(args[++i]));
                case "--head-timeout" -> b.headTimeout(ParamParser.parseDuration(args[++i]));
                case "--write-timeout" -> b.writeTimeout(ParamParser.parseDuration(args[++i]));
                case "--max-connections" -> b.maxConnections(Integer.parseInt(args[++i]));
                case "--max-outbound" -> b.maxOutbound(Long.parseLong(args[++i]));
                case "--tls" -> {
                    ServerTls tls = ServerTls.selfSigned();
                    System.err.println("certificate " + tls.certificateFile().orElseThrow());
                    b.tls(tls);
                }
                case "--quiet" -> { }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return b.build();
    }
}
