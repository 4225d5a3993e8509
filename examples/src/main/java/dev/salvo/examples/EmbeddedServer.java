package dev.salvo.examples;

import dev.salvo.server.SalvoServer;
import dev.salvo.server.ServerConfig;
import java.io.IOException;

/**
 * Salvo's embedded server from your own code (for tests, demos, offline work): httpbin's endpoints
 * on loopback. Prints its base URL, then serves until standard input ends. {@code args[0]} is the
 * port (default 0: any free one).
 */
public final class EmbeddedServer {
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        try (SalvoServer server = SalvoServer.start(ServerConfig.newBuilder().port(port).build())) {
            System.out.println("http://127.0.0.1:" + server.port());
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }
}
