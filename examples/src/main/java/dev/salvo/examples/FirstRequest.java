package dev.salvo.examples;

import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.Salvo;
import java.util.concurrent.CompletableFuture;

/** One request: {@code send} returns a future at once; {@code join} waits for the response. */
public final class FirstRequest {
    public static void main(String[] args) {
        try (Examples target = Examples.target(args);
             Salvo http = Salvo.create()) {
            CompletableFuture<Response> future = http.send(Request.get(target.url("/get")));
            Response response = future.join();
            System.out.println(response.status() + " " + response.headers().first("Content-Type").orElse("?"));
            if (response.status() != 200) {
                throw new IllegalStateException("expected 200, got " + response.status());
            }
        }
    }
}
