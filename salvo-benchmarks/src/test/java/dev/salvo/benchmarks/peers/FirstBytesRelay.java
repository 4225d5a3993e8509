package dev.salvo.benchmarks.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 in front of a server that keeps the first bytes each connection sent
 * either way, so a test can see which protocol a client really spoke (the HTTP/2 preface, an
 * {@code Upgrade: h2c}, a {@code 101}). Thread-safe; a virtual thread per direction.
 */
final class FirstBytesRelay implements AutoCloseable {
    /** How much of each direction is kept. */
    private static final int KEPT = 2048;

    /** The first bytes of one relayed connection, as ISO-8859-1 text; appended to by its copy threads. */
    static final class Connection {
        private final StringBuffer sent = new StringBuffer();
        private final StringBuffer received = new StringBuffer();

        /** What the client sent first. */
        String sent() {
            return sent.toString();
        }

        /** What the server answered first. */
        String received() {
            return received.toString();
        }
    }

    private final ServerSocket listener;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();

    FirstBytesRelay(int serverPort) throws IOException {
        listener = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("relay-accept").start(() -> acceptLoop(serverPort));
    }

    /** {@code http://127.0.0.1:PORT} + path, through the relay. */
    String url(String path) {
        return "http://127.0.0.1:" + listener.getLocalPort() + path;
    }

    /** Every connection relayed so far, in the order they were accepted. */
    List<Connection> connections() {
        return List.copyOf(connections);
    }

    private void acceptLoop(int serverPort) {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort));
                Connection connection = new Connection();
                connections.add(connection);
                Thread.ofVirtual().start(() -> copy(client, server, connection.sent));
                Thread.ofVirtual().start(() -> copy(server, client, connection.received));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void copy(Socket from, Socket to, StringBuffer kept) {
        byte[] buffer = new byte[16 * 1024];
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (kept.length() < KEPT) {
                    kept.append(new String(buffer, 0, Math.min(n, KEPT - kept.length()), StandardCharsets.ISO_8859_1));
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the other side closed: closing both ends (try-with-resources) ends the other direction too
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
