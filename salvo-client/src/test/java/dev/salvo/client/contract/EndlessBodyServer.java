package dev.salvo.client.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A raw-socket server on 127.0.0.1 for body flow tests: to each connection it answers one request
 * with a body of {@code announced} bytes, written in 64 KiB pieces as fast as the socket takes
 * them, stopping after {@code stallAfter} bytes (then it holds the connection open). It counts
 * what it wrote and notices when the client closes the connection under the write.
 */
public final class EndlessBodyServer implements AutoCloseable {
    private final ServerSocket socket;
    private final long announced;
    private final long stallAfter;
    private final Thread acceptor;
    /** Bytes of body written so far, over all connections. */
    public final AtomicLong written = new AtomicLong();
    /** Counted down when a write fails because the client went away. */
    public final CountDownLatch clientWentAway = new CountDownLatch(1);

    public EndlessBodyServer(long announced, long stallAfter) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.announced = announced;
        this.stallAfter = stallAfter;
        this.acceptor = Thread.ofPlatform().daemon().name("endless-body-server").start(this::acceptLoop);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread.ofPlatform().daemon().start(() -> serve(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
            readHead(in);
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + announced + "\r\nContent-Type: application/octet-stream"
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] piece = new byte[64 * 1024];
            long sent = 0;
            while (sent < announced && sent < stallAfter) {
                int n = (int) Math.min(piece.length, Math.min(announced, stallAfter) - sent);
                out.write(piece, 0, n);
                sent += n;
                written.addAndGet(n);
            }
            out.flush();
            if (sent < announced) {
                in.read(); // hold the connection open, stalled, until the client closes it
            }
            clientWentAway.countDown();
        } catch (IOException e) {
            clientWentAway.countDown();
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("client closed before the request ended");
            }
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        acceptor.interrupt();
    }
}
