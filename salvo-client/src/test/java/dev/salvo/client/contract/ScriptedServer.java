package dev.salvo.client.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw TCP server on 127.0.0.1 that plays a script on each accepted connection: for faults no
 * real HTTP server would produce (garbage, a close mid-body, a stall). Counts connections.
 */
public final class ScriptedServer implements AutoCloseable {
    /** What the server does with one accepted connection. */
    public interface Script {
        void play(Socket socket) throws Exception;
    }

    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    public ScriptedServer(Script script) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    accepted.incrementAndGet();
                    sockets.add(socket);
                    threads.execute(() -> {
                        try (socket) {
                            script.play(socket);
                        } catch (Exception e) {
                            // the client went away: part of several scripts
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    /**
     * A server that reads each connection's request head, writes {@code raw} and then either
     * hangs up ({@code holdOpen} false) or waits for the client to close.
     */
    public static ScriptedServer replying(String raw, boolean holdOpen) throws IOException {
        return new ScriptedServer(socket -> {
            readHead(socket.getInputStream());
            write(socket, raw);
            if (holdOpen) {
                socket.getInputStream().read();
            }
        });
    }

    public String url(String path) {
        return "http://127.0.0.1:" + listener.getLocalPort() + path;
    }

    public int connections() {
        return accepted.get();
    }

    /** Reads one request head (up to the blank line); null when the client closed first. */
    public static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    public static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        threads.shutdownNow();
    }
}
