package dev.salvo.server.internal.httpbin;

import dev.salvo.server.internal.http.Exchange;
import dev.salvo.server.internal.http.Router;
import dev.salvo.server.internal.http.UploadedRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code POST /upload}: a sink for large request bodies, any size up to max-upload, answering
 * {@code {"bytes": n, "sha256": "…"}}. The body is hashed as it streams in and never buffered (the
 * connection's upload sink did that before the request got here).
 */
final class UploadEndpoint {
    private UploadEndpoint() {
    }

    static void addTo(Router.Builder routes) {
        routes.on("POST", "/upload", UploadEndpoint::upload);
    }

    private static void upload(Exchange ex) throws NoSuchAlgorithmException {
        long bytes;
        String sha256;
        if (ex.request() instanceof UploadedRequest up) {
            bytes = up.bytes();
            sha256 = up.sha256();
        } else { // a body short enough to arrive with its head
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(ex.body().nioBuffer());
            bytes = ex.body().readableBytes();
            sha256 = HexFormat.of().formatHex(digest.digest());
        }
        ex.replyJson(HttpResponseStatus.OK, g -> {
            g.writeStartObject();
            g.writeNumberField("bytes", bytes);
            g.writeStringField("sha256", sha256);
            g.writeEndObject();
        });
    }
}
