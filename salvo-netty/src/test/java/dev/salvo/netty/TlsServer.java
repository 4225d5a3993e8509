package dev.salvo.netty;

import dev.salvo.client.contract.ScriptedServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A keep-alive HTTPS server on 127.0.0.1 with a self-signed certificate for {@code localhost} only
 * (made by keytool), recording the SNI names clients send. Answers every request with "secure".
 */
final class TlsServer implements AutoCloseable {
    static final char[] PASSWORD = "changeit".toCharArray();

    private final KeyStore keyStore;
    private final SSLServerSocket listener;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<String> serverNames = new CopyOnWriteArrayList<>();

    TlsServer(Path directory) throws Exception {
        keyStore = createKeyStore(directory.resolve("localhost.p12"));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        listener = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    /** A trust manager that trusts this server's certificate. */
    X509TrustManager trustManager() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(keyStore);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }

    String url(String host, String path) {
        return "https://" + host + ":" + listener.getLocalPort() + path;
    }

    /** The SNI host names received, one per handshake. */
    List<String> serverNames() {
        return serverNames;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                SSLSocket socket = (SSLSocket) listener.accept();
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SSLSocket socket) {
        try (socket) {
            socket.startHandshake();
            for (SNIServerName name : ((ExtendedSSLSession) socket.getSession()).getRequestedServerNames()) {
                serverNames.add(new String(name.getEncoded(), java.nio.charset.StandardCharsets.US_ASCII));
            }
            InputStream in = socket.getInputStream();
            while (ScriptedServer.readHead(in) != null) {
                ScriptedServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecure");
            }
        } catch (IOException e) {
            // a client that rejected the certificate hangs up mid-handshake
        }
    }

    static KeyStore createKeyStore(Path file) throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "localhost", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2",
                "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        threads.shutdownNow();
    }
}
