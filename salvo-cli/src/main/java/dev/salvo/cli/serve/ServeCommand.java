package dev.salvo.cli.serve;

import dev.salvo.cli.common.ByteSizeConverter;
import dev.salvo.cli.common.CleanStop;
import dev.salvo.cli.common.CommandFailedException;
import dev.salvo.cli.common.DurationConverter;
import dev.salvo.cli.common.OneLineErrors;
import dev.salvo.cli.common.Output;
import dev.salvo.server.SalvoServer;
import dev.salvo.server.ServerConfig;
import dev.salvo.server.Strategy;
import java.time.Duration;
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
            "One access-log line per request on stderr unless --quiet; Ctrl-C stops it cleanly."})
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

    @Option(names = {"-q", "--quiet"}, description = "No access log.")
    boolean quiet;

    @Override
    public Integer call() throws InterruptedException {
        Output output = Output.of(spec);
        ServerConfig config = config(output);
        SalvoServer server;
        try {
            server = SalvoServer.start(config);
        } catch (Exception e) { // Netty's bind failure is a checked exception thrown undeclared
            throw new CommandFailedException("cannot serve on " + host + ":" + port + ": " + OneLineErrors.describe(e), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        AutoCloseable stop = () -> {
            server.close();
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

    private ServerConfig config(Output output) {
        try {
            ServerConfig.Builder builder = ServerConfig.builder().host(host).port(port)
                    .strategy(Strategy.parse(strategy)).threads(threads).maxDuration(maxDuration).maxBody(maxBody);
            if (!quiet) {
                builder.accessLog(output::message);
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
