package dev.salvo.server.internal;

import dev.salvo.server.ServerTls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the new server a couple of ordinary requests over loopback before {@code start} returns,
 * so that class loading and first-use costs (codec, router, Jackson: about 0.3 s) are not paid by
 * the first real request, which would distort the timing-sensitive demos and tests. Failures are
 * only logged: a server that cannot warm up still serves. On a TLS port they go over TLS (trusting
 * the server's own certificate), which warms the handshake too. Runs on the starting thread.
 */
final class StartupWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(StartupWarmUp.class);
    private static final String[] REQUESTS = {
        "GET /delay/0?warm=up HTTP/1.1\r\nHost: warm-up\r\nConnection: close\r\n\r\n",
        "POST /anything HTTP/1.1\r\nHost: warm-up\r\nContent-Type: application/json\r\nContent-Length: 11\r\n"
                + "Connection: close\r\n\r\n{\"warm\":1}\n",
    };

    private StartupWarmUp() {
    }

    static void run(InetSocketAddress bound, Optional<ServerTls> tls) {
        InetAddress target = bound.getAddress().isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound.getAddress();
        SocketFactory sockets;
        try {
            sockets = tls.isPresent() ? trusting(tls.get()) : SocketFactory.getDefault();
        } catch (GeneralSecurityException | IllegalStateException e) {
            LOG.debug("no TLS warm-up for {}: {}", bound, e.toString());
            return;
        }
        for (String request : REQUESTS) {
            try (Socket s = sockets.createSocket(target, bound.getPort())) {
                s.setSoTimeout(5000);
                OutputStream out = s.getOutputStream();
                out.write(request.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = s.getInputStream();
                in.readAllBytes();
            } catch (IOException e) {
                LOG.debug("warm-up request to {} failed: {}", bound, e.toString());
            }
        }
    }

    /** TLS sockets that trust only the server's own certificate. */
    private static SocketFactory trusting(ServerTls tls) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {tls.trustManager()}, null);
        return context.getSocketFactory();
    }
}
