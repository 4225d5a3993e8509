package dev.salvo.netty.internal;

import dev.salvo.client.Headers;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Iterator;
import java.util.Map;

/** Netty's decoded header fields as Salvo's immutable {@link Headers}, in order, names as received. */
final class NettyHeaders {
    private NettyHeaders() {
    }

    /**
     * Copies every field; Salvo's builder checks each one.
     *
     * @throws IllegalArgumentException for a field Salvo does not accept (a name that is not a token)
     */
    static Headers toSalvo(HttpHeaders netty) {
        Headers.Builder builder = Headers.newBuilder();
        Iterator<Map.Entry<CharSequence, CharSequence>> fields = netty.iteratorCharSequence();
        while (fields.hasNext()) {
            Map.Entry<CharSequence, CharSequence> field = fields.next();
            builder.add(field.getKey().toString(), field.getValue().toString());
        }
        return builder.build();
    }
}
