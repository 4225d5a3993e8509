package dev.salvo.server.internal.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes one JSON document with a streaming generator (no tree, no intermediate strings). */
@FunctionalInterface
public interface JsonBody {
    void write(JsonGenerator json) throws IOException;
}
