package dev.salvo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS identity: self-signed by keytool, PEM files and PKCS#12 read and checked, each mistake a clear IAE. */
class ServerTlsTest {
    @TempDir
    static Path dir;
    private static ServerTls selfSigned;
    private static ServerTls other;

    @BeforeAll
    static void generate() {
        selfSigned = ServerTls.selfSigned();
        other = ServerTls.selfSigned();
    }

    @Test
    void theTrustManagerTrustsThisCertificateOnly() throws Exception {
        X509TrustManager trust = selfSigned.trustManager();
        trust.checkServerTrusted(selfSigned.certificateChain().toArray(X509Certificate[]::new), "ECDHE_ECDSA");
        assertThrows(CertificateException.class,
                () -> trust.checkServerTrusted(other.certificateChain().toArray(X509Certificate[]::new), "ECDHE_ECDSA"));
    }

    @Test
    void theSelfSignedCertificateNamesLoopbackAndIsExportedAsPem() throws Exception {
        X509Certificate cert = selfSigned.certificate();
        List<String> names = cert.getSubjectAlternativeNames().stream().map(n -> n.get(1).toString()).toList();
        assertTrue(names.containsAll(List.of("localhost", "127.0.0.1")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("0:0:0:0:0:0:0:1")), names.toString());
        Path pem = selfSigned.certificateFile().orElseThrow();
        assertTrue(Files.readString(pem).startsWith("-----BEGIN CERTIFICATE-----"), pem.toString());
        assertEquals(cert, ServerTls.pem(pem, keyFile(selfSigned.privateKey(), "same.key")).certificate());
    }

    @Test
    void aPemCertificateAndKeyServeH2() throws Exception {
        Path cert = selfSigned.certificateFile().orElseThrow();
        ServerTls tls = ServerTls.pem(cert, keyFile(selfSigned.privateKey(), "served.key"));
        assertEquals(cert, tls.certificateFile().orElseThrow());
        try (SalvoServer server = SalvoServer.start(ServerConfig.newBuilder().tls(tls).build())) {
            String out = Http2Test.curl("--http2", "--cacert", cert.toString(), "-s", "-o", "/dev/null", "-w", "%{http_version} %{http_code}",
                    server.url("/status/201"));
            assertEquals("2 201", out);
        }
    }

    @Test
    void eachMistakeIsAClearIllegalArgument() throws Exception {
        Path cert = selfSigned.certificateFile().orElseThrow();
        Path key = keyFile(selfSigned.privateKey(), "good.key");
        Path missing = dir.resolve("missing.pem");
        assertMessage("certificate file " + missing + " does not exist", () -> ServerTls.pem(missing, key));
        assertMessage("key file " + missing + " does not exist", () -> ServerTls.pem(cert, missing));
        Path text = Files.writeString(dir.resolve("text.pem"), "hello\n");
        assertMessage("is not a PEM certificate", () -> ServerTls.pem(text, key));
        assertMessage("holds no unencrypted PKCS#8 key", () -> ServerTls.pem(cert, text));
        assertMessage("holds no unencrypted PKCS#8 key", () -> ServerTls.pem(cert, cert));
        Path otherKey = keyFile(other.privateKey(), "other.key");
        assertMessage("the private key of key file " + otherKey + " does not match the certificate", () -> ServerTls.pem(cert, otherKey));
        Path garbled = Files.writeString(dir.resolve("garbled.key"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertMessage("holds a key of no supported algorithm", () -> ServerTls.pem(cert, garbled));
    }

    @Test
    void withoutKeytoolSelfSignedSaysSo() {
        String javaHome = System.getProperty("java.home");
        System.setProperty("java.home", dir.resolve("jre-without-keytool").toString());
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, ServerTls::selfSigned);
            assertTrue(e.getMessage().contains("keytool is missing"), e.getMessage());
        } finally {
            System.setProperty("java.home", javaHome);
        }
    }

    @Test
    void aKeyStoreNeedsItsPassword() throws Exception {
        Path store = dir.resolve("missing.p12");
        assertMessage("key store " + store + " does not exist", () -> ServerTls.pkcs12(store, "x".toCharArray()));
        Path text = Files.writeString(dir.resolve("text.p12"), "not a key store");
        assertMessage("cannot read key store " + text, () -> ServerTls.pkcs12(text, "x".toCharArray()));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    private static Path keyFile(PrivateKey key, String name) throws Exception {
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        return Files.writeString(dir.resolve(name), pem);
    }
}
