package dev.salvo.server.internal.httpbin;

import dev.salvo.server.internal.http.Exchange;
import dev.salvo.server.internal.http.Router;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.UUID;

/**
 * {@code /get}, {@code /post}, {@code /put}, {@code /patch}, {@code /delete}, {@code /anything[/…]},
 * {@code /headers}, {@code /ip}, {@code /user-agent}, {@code /uuid}: echo the request or one part.
 */
final class EchoEndpoints {
    private EchoEndpoints() {
    }

    static void addTo(Router.Builder routes) {
        routes.get("/get", ex -> ex.replyJson(HttpResponseStatus.OK, RequestEcho.of(ex)));
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            routes.on(method, "/" + method.toLowerCase(java.util.Locale.ROOT), EchoEndpoints::echoWithBody);
        }
        routes.any("/anything/**", EchoEndpoints::echoWithBody);
        routes.get("/headers", ex -> ex.replyJson(HttpResponseStatus.OK, g -> {
            g.writeStartObject();
            g.writeFieldName("headers");
            RequestEcho.writeHeaders(g, ex);
            g.writeEndObject();
        }));
        routes.get("/ip", ex -> one(ex, "origin", ex.origin()));
        routes.get("/user-agent", ex -> one(ex, "user-agent", ex.header("User-Agent").orElse("")));
        routes.get("/uuid", ex -> one(ex, "uuid", UUID.randomUUID().toString()));
    }

    private static void echoWithBody(Exchange ex) {
        ex.replyJson(HttpResponseStatus.OK, RequestEcho.withBody(ex));
    }

    private static void one(Exchange ex, String field, String value) {
        ex.replyJson(HttpResponseStatus.OK, g -> {
            g.writeStartObject();
            g.writeStringField(field, value);
            g.writeEndObject();
        });
    }
}
