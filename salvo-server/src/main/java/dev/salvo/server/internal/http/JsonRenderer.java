package dev.salvo.server.internal.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Renders JSON straight into pooled buffers with one shared, thread-safe Jackson mapper. */
public final class JsonRenderer {
    /** Shared mapper for parsing request bodies; thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private JsonRenderer() {
    }

    /** Writes {@code body} into a new buffer from {@code alloc}; the caller owns the buffer. */
    public static ByteBuf render(ByteBufAllocator alloc, JsonBody body) {
        ByteBuf buf = alloc.buffer(512);
        try (JsonGenerator g = FACTORY.createGenerator((java.io.OutputStream) new ByteBufOutputStream(buf))) {
            g.setCodec(MAPPER);
            body.write(g);
        } catch (IOException e) {
            buf.release();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        }
        return buf;
    }

    /** The error document {@code {"status_code": …, "error": …, "detail": …}}. */
    public static JsonBody error(HttpResponseStatus status, String detail) {
        return g -> {
            g.writeStartObject();
            g.writeNumberField("status_code", status.code());
            g.writeStringField("error", status.reasonPhrase());
            g.writeStringField("detail", detail);
            g.writeEndObject();
        };
    }
}
