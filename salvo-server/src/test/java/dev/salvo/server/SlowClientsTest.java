package dev.salvo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Clients that stop reading cost the server a bounded amount and are cut by the write timeout or,
 * server-wide, by the outbound budget; clients that send their head too slowly get a 408; clients
 * over the connection cap get a 503. Raw sockets; the access log (written when a reply ends) and
 * Netty's pool metrics are what the tests watch at the server.
 */
class SlowClientsTest {
    static final int BIG = 256 << 20;

    /** A connection that asks for {@code target} and never reads; small receive buffer so it fills fast. */
    static Socket nonReader(SalvoServer server, String target) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
        s.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return s;
    }

    static ServerConfig.Builder logged(BlockingQueue<String> log) {
        return ServerConfig.newBuilder().maxStream(BIG).accessLog(log::add);
    }

    static String awaitLine(BlockingQueue<String> log, String part, Duration bound) throws InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        for (String line; (line = log.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS)) != null; ) {
            if (line.contains(part)) {
                return line;
            }
        }
        return null;
    }

    @Test
    void clientsThatStopReadingHoldBoundedMemory() throws Exception {
        BlockingQueue<String> log = new LinkedBlockingQueue<>();
        try (SalvoServer server = SalvoServer.start(logged(log).writeTimeout(Duration.ofMinutes(1)).build())) {
            long baseline = ServerMemory.pooledBytes();
            List<Socket> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    clients.add(nonReader(server, "/stream-bytes/" + BIG + "?chunk_size=1"));
                    clients.add(nonReader(server, "/bytes/" + BIG));
                }
                long peak = 0;
                for (int i = 0; i < 30; i++) { // watch for 3 s: without backpressure the pool grows by GBs at once
                    peak = Math.max(peak, ServerMemory.pooledBytes() - baseline);
                    Thread.sleep(100); // not synchronisation: samples the pool over 3 s of non-reading clients
                }
                assertTrue(peak < 32 << 20, "8 non-readers made the server hold " + (peak >> 20) + " MiB");
                assertEquals(200, TestHttp.get(server, "/get").statusCode(), "others are still served");
            } finally {
                for (Socket s : clients) {
                    s.close();
                }
            }
        }
    }

    @Test
    void writeTimeoutCutsAClientThatStopsReading() throws Exception {
        BlockingQueue<String> log = new LinkedBlockingQueue<>();
        try (SalvoServer server = SalvoServer.start(logged(log).writeTimeout(Duration.ofMillis(500)).build());
             Socket s = nonReader(server, "/stream-bytes/" + BIG)) {
            assertNotNull(awaitLine(log, "/stream-bytes/", Duration.ofSeconds(20)), "the stalled stream was never cut");
            s.setSoTimeout(10_000);
            long got = s.getInputStream().transferTo(OutputStream.nullOutputStream());
            assertTrue(got < BIG, "the client got the whole body although it stopped reading: " + got);
        }
    }

    @Test
    void outboundBudgetCutsSlowReadersServerWide() throws Exception {
        BlockingQueue<String> log = new LinkedBlockingQueue<>();
        try (SalvoServer server = SalvoServer.start(logged(log).writeTimeout(Duration.ofMinutes(1)).maxOutbound(256 << 10).build())) {
            List<Socket> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 6; i++) {
                    clients.add(nonReader(server, "/stream-bytes/" + BIG));
                }
                assertNotNull(awaitLine(log, "/stream-bytes/", Duration.ofSeconds(20)),
                        "no slow reader was cut although the server held over its outbound budget");
                assertEquals(200, TestHttp.get(server, "/get").statusCode());
            } finally {
                for (Socket s : clients) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aHeadTricklingInPastTheDeadlineGets408() throws Exception {
        try (SalvoServer server = SalvoServer.start(ServerConfig.newBuilder().headTimeout(Duration.ofMillis(300)).build());
             Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write("GET /get HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            Thread trickle = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 100; i++) { // one header byte every 50 ms resets no timer
                        out.write('X');
                        Thread.sleep(50); // not synchronisation: the client trickles its head byte by byte
                    }
                } catch (IOException | InterruptedException closed) {
                    // the server cut us, as it should
                }
            });
            String reply = readUntilClose(s.getInputStream());
            trickle.interrupt();
            assertTrue(reply.startsWith("HTTP/1.1 408 "), reply);
            assertTrue(reply.contains("\"status_code\":408") && reply.contains("300 ms"), reply);
        }
    }

    @Test
    void aSlowButTimelyHeadAndAnIdleKeepAliveAreFine() throws Exception {
        try (SalvoServer server = SalvoServer.start(ServerConfig.newBuilder().headTimeout(Duration.ofMillis(500)).build());
             Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write("GET /get HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(100); // not synchronisation: a slow (but timely) client pausing mid-head
            out.write("Host: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals(200, TestHttp.replies(readOneReply(in)).getFirst().status());
            Thread.sleep(1000); // not synchronisation: idle longer than the head deadline; only the idle timeout applies
            out.write("GET /get HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(readUntilClose(in).startsWith("HTTP/1.1 200 "));
        }
    }

    @Test
    void connectionsOverTheCapGet503AndFreedSlotsAreReused() throws Exception {
        try (SalvoServer server = SalvoServer.start(ServerConfig.newBuilder().maxConnections(4).build())) {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket s = new Socket("127.0.0.1", server.port());
                    s.setSoTimeout(10_000);
                    s.getOutputStream().write("GET /get HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    assertEquals(200, TestHttp.replies(readOneReply(s.getInputStream())).getFirst().status());
                    held.add(s);
                }
                String refused = TestHttp.raw(server, "GET /get HTTP/1.1\r\nHost: x\r\n\r\n");
                assertTrue(refused.startsWith("HTTP/1.1 503 "), refused);
                assertTrue(refused.contains("too many open connections"), refused);
                held.removeFirst().close();
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                String again;
                do { // the server sees the close asynchronously
                    again = TestHttp.raw(server, "GET /get HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                } while (!again.startsWith("HTTP/1.1 200 ") && System.nanoTime() < end);
                assertTrue(again.startsWith("HTTP/1.1 200 "), again);
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }

    static String readUntilClose(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    /** Reads one Content-Length framed reply. */
    static String readOneReply(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head);
            }
            head.append((char) b);
        }
        TestHttp.Reply r = TestHttp.replies(head.toString()).getFirst();
        int length = Integer.parseInt(r.header("Content-Length").getFirst());
        return head + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }
}
