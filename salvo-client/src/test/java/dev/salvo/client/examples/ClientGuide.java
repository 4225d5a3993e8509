package dev.salvo.client.examples;

import dev.salvo.client.Batch;
import dev.salvo.client.BatchResult;
import dev.salvo.client.BodyHandler;
import dev.salvo.client.ConnectFailedException;
import dev.salvo.client.DeadlineExceededException;
import dev.salvo.client.Outcome;
import dev.salvo.client.Request;
import dev.salvo.client.RequestBody;
import dev.salvo.client.Response;
import dev.salvo.client.RetryPolicy;
import dev.salvo.client.Salvo;
import dev.salvo.client.Transports;
import dev.salvo.client.spi.BlockingClient;
import dev.salvo.client.spi.Exchange;
import dev.salvo.client.spi.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The examples of docs/client.md. Each snippet between {@code tag::} and {@code end::} markers is
 * copied into the guide verbatim; ClientGuideTest runs them against the embedded server and checks
 * the guide still shows them as they are here, so the guide cannot rot.
 */
public final class ClientGuide {
    private ClientGuide() {
    }

    static int firstRequest(String base) {
        // tag::first-request[]
        try (Salvo http = Salvo.create()) {
            CompletableFuture<Response> future = http.send(Request.get(base + "/get"));  // returns at once
            Response response = future.join();                                             // wait when you need it
            System.out.println(response.status() + " " + response.headers().first("Content-Type").orElse("?"));
            return response.status();
        }
        // end::first-request[]
    }

    static long bodies(String base, Path dir) throws IOException {
        // tag::bodies[]
        try (Salvo http = Salvo.newBuilder().maxResponseBytes(8 << 20).build()) {   // send(request) reads at most 8 MiB
            Path file = dir.resolve("download.bin");
            http.send(Request.get(base + "/bytes/1000000"), BodyHandler.ofFile(file)             // streamed to disk,
                    .withProgress(bytes -> System.out.print("\r" + bytes + " bytes"))).join();  // appears whole or not at all
            try (InputStream in = http.send(Request.get(base + "/stream-bytes/100000"),
                    BodyHandler.ofInputStream()).join().body()) {       // the call keeps its slot until closed
                in.transferTo(OutputStream.nullOutputStream());
            }
            Request upload = Request.newBuilder(base + "/post")
                    .POST(RequestBody.multipart().field("name", "salvo").file("data", file, "application/octet-stream").build())
                    .build();                                                 // the file part is streamed, not loaded
            System.out.println("upload: " + http.send(upload).join().status());
            return http.send(Request.get(base + "/bytes/1000"), BodyHandler.discarding()).join().body();   // 1000
        }
        // end::bodies[]
    }

    static double limits(String base) {
        // tag::limits[]
        try (Salvo http = Salvo.newBuilder()
                .maxInFlight(5)                       // at most 5 calls at once…
                .maxPerHost(5)                        // …and at most 5 to one host:port
                .maxQueued(10_000)                    // more waiting than this fails with QueueFullException
                .deadline(Duration.ofSeconds(10))     // whole call: queue wait + headers + body
                .build()) {
            long start = System.nanoTime();
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(http.send(Request.get(base + "/delay/0.2")));  // 5 run, 3 wait in the queue
            }
            System.out.println("in flight " + http.inFlight() + ", queued " + http.queued());
            calls.forEach(CompletableFuture::join);
            return (System.nanoTime() - start) / 1e9;                // about 2 × 0.2 s
        }
        // end::limits[]
    }

    /** A value parsed from a response body. */
    record Origin(String ip) {
    }

    static Origin callbacks(String base) {
        // tag::callbacks[]
        try (Salvo http = Salvo.create()) {
            // the mapper runs on Salvo's callback executor, never on an I/O thread;
            // if it throws, the future fails with what it threw
            CompletableFuture<Origin> origin = http.send(Request.get(base + "/ip"), response -> {
                String body = response.bodyString();              // {"origin": "127.0.0.1"}
                int colon = body.indexOf(':');
                return new Origin(body.substring(colon + 1).replaceAll("[\"}\\s]", ""));
            });
            return origin.join();
        }
        // end::callbacks[]
    }

    static String errorsOnAccess(String base) {
        // tag::errors[]
        try (Salvo http = Salvo.newBuilder().deadline(Duration.ofMillis(500)).build()) {
            // send() never throws for I/O faults: the failure waits in the future…
            CompletableFuture<Response> slow = http.send(Request.get(base + "/delay/2"));
            try {
                slow.join();                                          // …and surfaces when you touch it
                return "no error";
            } catch (CompletionException e) {
                if (e.getCause() instanceof DeadlineExceededException deadline) {
                    return "deadline: " + deadline.getMessage();
                }
                throw e;
            }
        }
        // end::errors[]
    }

    static String errorsBlocking(String base) throws InterruptedException {
        // tag::errors-blocking[]
        try (Salvo http = Salvo.create()) {
            try {
                http.sendBlocking(Request.get("http://127.0.0.1:1/"));   // nothing listens on port 1
                return "connected";
            } catch (ConnectFailedException e) {                          // a typed IOException
                return "refused: " + e.getMessage();
            } catch (IOException e) {
                return "other I/O failure: " + e;
            }
        }
        // end::errors-blocking[]
    }

    static List<Integer> gather(String base) {
        // tag::gather[]
        try (Salvo http = Salvo.create()) {
            List<Request> requests = List.of(
                    Request.get(base + "/delay/0.3"), Request.get(base + "/get"), Request.get(base + "/status/404"));
            // onEach runs as each call completes (completion order); the list is in input order
            List<Response> responses = http.gather(requests,
                    (index, outcome) -> System.out.println("done: #" + index)).join();
            // gatherOutcomes never fails: one bad call does not hide the others
            List<Outcome<Response>> outcomes = http.gatherOutcomes(List.of(
                    Request.get(base + "/get"), Request.get("http://127.0.0.1:1/"))).join();
            System.out.println(outcomes.get(1).isSuccess() ? "?" : "second failed, first still " + outcomes.get(0).value().status());
            return responses.stream().map(Response::status).toList();  // [200, 200, 404]
        }
        // end::gather[]
    }

    static List<List<Integer>> batches(String base) {
        // tag::batches[]
        try (Salvo http = Salvo.create()) {
            Request post = Request.postJson(base + "/post", "{\"test\": \"someData\"}");
            List<Batch> batches = List.of(
                    Batch.of(post, post),                                  // steps run one after another
                    Batch.startWith(Request.get(base + "/uuid"))           // a step may use the previous response
                            .then(previous -> Request.postJson(base + "/post", previous.bodyString()))
                            .build());
            List<BatchResult> results = http.batches(batches,              // batches run at the same time
                    (batch, step, outcome) -> System.out.println("Batch #" + batch + " -- URL #" + step)).join();
            return results.stream().map(BatchResult::statuses).toList();   // [[200, 200], [200, 200]]
        }
        // end::batches[]
    }

    static double blockingLibrary(String base) {
        // tag::blocking[]
        // any blocking call (request in, response out) becomes a transport on virtual threads
        BlockingClient stuckWith = Transports.urlConnection(Duration.ofSeconds(5), Duration.ofSeconds(30));
        try (Salvo http = Salvo.newBuilder().transport(Transports.blocking(stuckWith)).build()) {
            long start = System.nanoTime();
            List<Request> fourteenLookups = new ArrayList<>();
            for (int i = 0; i < 14; i++) {
                fourteenLookups.add(Request.get(base + "/delay/0.2"));
            }
            http.gather(fourteenLookups).join();                 // all 14 wait at the same time
            return (System.nanoTime() - start) / 1e9;             // about 0.2 s, not 14 × 0.2 s
        }
        // end::blocking[]
    }

    // tag::own-transport[]
    /** A transport that adds an API key to every request, then delegates: an SDK's usual need. */
    record ApiKeyTransport(Transport next, String key) implements Transport {
        @Override
        public CompletableFuture<Void> execute(Request request, Exchange exchange) {
            Request signed = request.toBuilder().setHeader("X-Api-Key", key).build();
            return next.execute(signed, exchange);   // never throw for I/O: fail the future instead
        }

        @Override
        public void close() {
            next.close();
        }
    }
    // end::own-transport[]

    static String ownTransport(String base) {
        // tag::own-transport-use[]
        Transport transport = new ApiKeyTransport(Transports.jdk(), "s3cret");
        try (Salvo http = Salvo.newBuilder().transport(transport)   // Salvo owns it now and closes it
                .retryPolicy(RetryPolicy.defaults())          // 3 attempts for idempotent calls, honours Retry-After
                .build()) {
            return http.send(Request.get(base + "/headers")).join().bodyString();
        }
        // end::own-transport-use[]
    }
}
