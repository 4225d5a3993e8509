package dev.salvo.netty;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's HttpServer on 127.0.0.1 with a few endpoints, counting the client connections it saw
 * (distinct remote ports). Endpoints: {@code /hello}, {@code /echo} (method, headers as
 * {@code X-Echo-…}, body), {@code /status/N}, {@code /redirect}, {@code /bytes/N} (fixed length),
 * {@code /chunked/N} (chunked), {@code /close} (answers with {@code Connection: close}),
 * {@code /slow/MS}, {@code /hold} (answers once {@link #releaseHeld()} is called; {@link #held()} counts those waiting).
 */
final class LoopbackHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicInteger held = new AtomicInteger();

    LoopbackHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** How many distinct client connections sent a request. */
    int connections() {
        return clientPorts.size();
    }

    /** Requests to {@code /hold} waiting for {@link #releaseHeld()}. */
    int held() {
        return held.get();
    }

    /** Lets every {@code /hold} request, now and later, answer. */
    void releaseHeld() {
        gate.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        clientPorts.add(exchange.getRemoteAddress().getPort());
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            byte[] requestBody;
            try (InputStream in = exchange.getRequestBody()) {
                requestBody = in.readAllBytes();
            }
            String[] parts = path.split("/");
            String endpoint = parts.length > 1 ? parts[1] : "";
            long number = parts.length > 2 && parts[2].matches("\\d+") ? Long.parseLong(parts[2]) : 0;
            switch (endpoint) {
                case "hello" -> reply(exchange, 200, "hello".getBytes(StandardCharsets.UTF_8));
                case "echo" -> echo(exchange, requestBody);
                case "status" -> reply(exchange, (int) number, ("status " + number).getBytes(StandardCharsets.UTF_8));
                case "redirect" -> {
                    exchange.getResponseHeaders().add("Location", "/hello");
                    reply(exchange, 302, new byte[0]);
                }
                case "bytes" -> reply(exchange, 200, pattern((int) number));
                case "chunked" -> {
                    exchange.sendResponseHeaders(200, 0);
                    try (OutputStream out = exchange.getResponseBody()) {
                        byte[] body = pattern((int) number);
                        for (int at = 0; at < body.length; at += 1000) {
                            out.write(body, at, Math.min(1000, body.length - at));
                            out.flush();
                        }
                    }
                }
                case "close" -> {
                    exchange.getResponseHeaders().add("Connection", "close");
                    reply(exchange, 200, "bye".getBytes(StandardCharsets.UTF_8));
                }
                case "hold" -> {
                    held.incrementAndGet();
                    await(gate);
                    held.decrementAndGet();
                    reply(exchange, 200, "held".getBytes(StandardCharsets.UTF_8));
                }
                case "slow" -> {
                    sleep(number); // not synchronisation: /slow/N is a server that takes N ms to answer
                    reply(exchange, 200, "slow".getBytes(StandardCharsets.UTF_8));
                }
                default -> reply(exchange, 404, "no such endpoint".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void echo(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("X-Echo-Method", exchange.getRequestMethod());
        exchange.getResponseHeaders().add("X-Echo-Query", String.valueOf(exchange.getRequestURI().getRawQuery()));
        exchange.getResponseHeaders().add("X-Echo-Path", exchange.getRequestURI().getRawPath());
        for (Map.Entry<String, java.util.List<String>> field : exchange.getRequestHeaders().entrySet()) {
            exchange.getResponseHeaders().add("X-Echo-" + field.getKey(), String.join(",", field.getValue()));
        }
        reply(exchange, 200, body);
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean head = exchange.getRequestMethod().equals("HEAD");
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
        }
        exchange.sendResponseHeaders(status, head || status == 204 ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** {@code size} bytes of a recognisable pattern. */
    static byte[] pattern(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        return bytes;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS); // a sanity bound: a test that forgets to release still ends
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
