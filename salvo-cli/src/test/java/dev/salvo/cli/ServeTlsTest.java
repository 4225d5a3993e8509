package dev.salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.server.ServerTls;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code salvo serve --tls} and {@code --cert/--key}: h2 by ALPN to a client trusting the PEM; bad TLS flags are one line. */
class ServeTlsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @TempDir
    static Path dir;
    private static Path cert;
    private static Path key;

    @BeforeAll
    static void pemFiles() throws Exception {
        ServerTls tls = ServerTls.selfSigned();
        cert = tls.certificateFile().orElseThrow();
        key = Files.writeString(dir.resolve("server.key"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(tls.privateKey().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
    }

    @Test
    void tlsMakesASelfSignedCertificateAndServesH2() throws Exception {
        try (Subprocess serve = Subprocess.start("serve", "--port", "0", "--tls")) {
            String told = serve.awaitErr(line -> line.startsWith("Self-signed certificate: "), WAIT);
            Matcher pem = Pattern.compile("Self-signed certificate: (\\S+) \\(trust it with curl --cacert \\1\\)").matcher(told);
            assertTrue(pem.matches(), told);
            String base = base(serve.awaitErr(line -> line.startsWith("Serving on "), WAIT));
            assertTrue(base.startsWith("https://127.0.0.1:"), base);
            HttpResponse<String> res = get(Path.of(pem.group(1)), base + "/get?t=1");
            assertEquals(HttpClient.Version.HTTP_2, res.version());
            assertTrue(res.body().contains("\"url\":\"" + base + "/get?t=1\""), res.body());
            serve.awaitErr(line -> line.contains("\"GET /get?t=1 HTTP/2.0\" 200"), WAIT);
            CliRun fetch = CliRun.of("fetch", "--http2", "--cacert", pem.group(1), base + "/get?t=2");
            assertEquals(0, fetch.exitCode(), fetch::toString);
            serve.awaitErr(line -> line.contains("\"GET /get?t=2 HTTP/2.0\" 200"), WAIT);
            serve.interrupt();
            assertEquals(130, serve.awaitExit(WAIT), serve.err()::toString);
            assertTrue(serve.err().stream().noneMatch(line -> line.contains("Exception") || line.startsWith("\tat ")),
                    serve.err()::toString);
        }
    }

    @Test
    void certAndKeyServeThatCertificate() throws Exception {
        try (Subprocess serve = Subprocess.start("serve", "--port", "0", "--cert", cert.toString(), "--key", key.toString())) {
            String base = base(serve.awaitErr(line -> line.startsWith("Serving on "), WAIT));
            HttpResponse<String> res = get(cert, base + "/status/201");
            assertEquals(201, res.statusCode());
            assertEquals(HttpClient.Version.HTTP_2, res.version());
            assertTrue(serve.err().stream().noneMatch(line -> line.startsWith("Self-signed")), serve.err()::toString);
            serve.interrupt();
            assertEquals(130, serve.awaitExit(WAIT), serve.err()::toString);
        }
    }

    @Test
    void badTlsFlagsAreOneLine() throws Exception {
        CliRun.of("serve", "--port", "0", "--key", key.toString()).assertBadInput("--key needs --cert");
        CliRun.of("serve", "--port", "0", "--cert", cert.toString()).assertBadInput("--cert needs --key");
        Path missing = dir.resolve("missing.pem");
        CliRun.of("serve", "--port", "0", "--cert", missing.toString(), "--key", key.toString())
                .assertBadInput("certificate file " + missing + " does not exist");
        Path text = Files.writeString(dir.resolve("text.pem"), "not PEM\n");
        CliRun.of("serve", "--port", "0", "--cert", text.toString(), "--key", key.toString()).assertBadInput("is not a PEM certificate");
        CliRun.of("serve", "--port", "0", "--cert", cert.toString(), "--key", text.toString())
                .assertBadInput("holds no unencrypted PKCS#8 key");
        Path otherKey = Files.writeString(dir.resolve("other.key"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(ServerTls.selfSigned().privateKey().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        CliRun.of("serve", "--port", "0", "--tls", "--cert", cert.toString(), "--key", otherKey.toString())
                .assertBadInput("does not match the certificate");
    }

    private static String base(String banner) {
        return banner.substring("Serving on ".length(), banner.indexOf("/ ("));
    }

    /** A GET over HTTP/2 by the JDK's client trusting only the certificate in {@code pem}. */
    private static HttpResponse<String> get(Path pem, String url) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            trusted.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        HttpClient jdk = HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_2).build();
        return jdk.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
