package dev.salvo.server.internal.httpbin;

import dev.salvo.server.internal.http.Exchange;
import dev.salvo.server.internal.http.JsonRenderer;
import dev.salvo.server.internal.http.Router;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/** {@code /gzip} and {@code /deflate} (zlib): the echo with {@code gzipped: true} / {@code deflated: true}, compressed. */
final class CompressedEndpoints {
    @FunctionalInterface
    private interface Compressor {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    private CompressedEndpoints() {
    }

    static void addTo(Router.Builder routes) {
        routes.get("/gzip", ex -> reply(ex, "gzipped", "gzip", GZIPOutputStream::new));
        routes.get("/deflate", ex -> reply(ex, "deflated", "deflate", DeflaterOutputStream::new));
    }

    private static void reply(Exchange ex, String flag, String encoding, Compressor compressor) throws IOException {
        ByteBuf plain = JsonRenderer.render(ex.alloc(), g -> {
            g.writeStartObject();
            g.writeBooleanField(flag, true);
            g.writeFieldName("headers");
            RequestEcho.writeHeaders(g, ex);
            g.writeStringField("method", ex.method().name());
            g.writeStringField("origin", ex.origin());
            g.writeEndObject();
        });
        ByteBuf packed = ex.alloc().buffer(plain.readableBytes() / 2 + 64);
        try (OutputStream out = compressor.wrap(new ByteBufOutputStream(packed))) {
            plain.readBytes(out, plain.readableBytes());
        } catch (IOException e) {
            packed.release();
            throw e;
        } finally {
            plain.release();
        }
        ex.responseHeader(HttpHeaderNames.CONTENT_ENCODING, encoding);
        ex.reply(HttpResponseStatus.OK, HttpHeaderValues.APPLICATION_JSON, packed);
    }
}
