package dev.salvo.server.internal.httpbin;

import dev.salvo.server.internal.http.Exchange;
import dev.salvo.server.internal.http.Router;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Fixed documents, loaded once from the classpath ({@code dev/salvo/server/documents/}):
 * {@code /html}, {@code /json}, {@code /xml}, {@code /robots.txt}, {@code /encoding/utf8},
 * {@code /image/png}; and {@code /response-headers?k=v…}, which sets the query's pairs as response
 * headers and echoes them as JSON.
 */
final class DocumentEndpoints {
    private record Document(String path, String file, String contentType) {
    }

    private static final List<Document> DOCUMENTS = List.of(
            new Document("/html", "page.html", "text/html; charset=utf-8"),
            new Document("/json", "slideshow.json", "application/json"),
            new Document("/xml", "slideshow.xml", "application/xml"),
            new Document("/robots.txt", "robots.txt", "text/plain"),
            new Document("/encoding/utf8", "utf8.html", "text/html; charset=utf-8"),
            new Document("/image/png", "pig.png", "image/png"));

    private DocumentEndpoints() {
    }

    static void addTo(Router.Builder routes) {
        for (Document d : DOCUMENTS) {
            ByteBuf bytes = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(load(d.file())).asReadOnly());
            routes.get(d.path(), ex -> ex.reply(HttpResponseStatus.OK, d.contentType(), bytes.duplicate()));
        }
        routes.on("GET,POST", "/response-headers", DocumentEndpoints::responseHeaders);
    }

    private static void responseHeaders(Exchange ex) {
        for (Map.Entry<String, List<String>> e : ex.queryParameters().entrySet()) {
            e.getValue().forEach(v -> ex.responseHeader(e.getKey(), v));
        }
        ex.replyJson(HttpResponseStatus.OK, g -> {
            g.writeStartObject();
            g.writeStringField(HttpHeaderNames.CONTENT_TYPE.toString(), "application/json");
            RequestEcho.writeMultiMapFields(g, ex.queryParameters());
            g.writeEndObject();
        });
    }

    private static byte[] load(String file) {
        try (InputStream in = DocumentEndpoints.class.getResourceAsStream("/dev/salvo/server/documents/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing document " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
