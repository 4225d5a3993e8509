package dev.salvo.server;

import dev.salvo.server.internal.KeyMaterial;
import dev.salvo.server.internal.KeytoolCertificate;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The server's TLS identity: a private key and its certificate chain, read (and checked: the key
 * must belong to the first certificate) when the value is made. With it in
 * {@link ServerConfig.Builder#tls(ServerTls)} every connection starts with a TLS handshake that
 * offers {@code h2} then {@code http/1.1} by ALPN. Immutable and thread-safe.
 * <pre>{@code
 * ServerTls tls = ServerTls.selfSigned();                       // localhost, 127.0.0.1, ::1
 * SalvoServer server = SalvoServer.start(ServerConfig.newBuilder().tls(tls).build());
 * // clients trust tls.certificate(), or the PEM file tls.certificateFile()
 * }</pre>
 */
public final class ServerTls {
    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final Path certificateFile;
    private final String source;

    private ServerTls(PrivateKey key, List<X509Certificate> chain, Path certificateFile, String source) {
        KeyMaterial.checkMatch(key, chain.getFirst(), "the private key of " + source);
        this.key = key;
        this.chain = List.copyOf(chain);
        this.certificateFile = certificateFile;
        this.source = source;
    }

    /**
     * A PEM certificate chain (leaf first) and an unencrypted PKCS#8 PEM private key
     * ({@code -----BEGIN PRIVATE KEY-----}).
     *
     * @throws IllegalArgumentException when a file is missing or unreadable, is not PEM of that kind,
     *         or the key does not belong to the first certificate
     */
    public static ServerTls pem(Path certificateChain, Path privateKey) {
        Objects.requireNonNull(certificateChain, "certificateChain");
        Objects.requireNonNull(privateKey, "privateKey");
        List<X509Certificate> chain = KeyMaterial.certificates(certificateChain);
        return new ServerTls(KeyMaterial.privateKey(privateKey), chain, certificateChain, "key file " + privateKey);
    }

    /**
     * The first private key entry of a PKCS#12 key store (key and store password the same).
     *
     * @throws IllegalArgumentException when the store is missing, unreadable, has another password
     *         or holds no private key
     */
    public static ServerTls pkcs12(Path keyStore, char[] password) {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(password, "password");
        KeyStore.PrivateKeyEntry entry = KeyMaterial.pkcs12(keyStore, password);
        return new ServerTls(entry.getPrivateKey(), x509(entry.getCertificateChain()), null, "key store " + keyStore);
    }

    /**
     * A new self-signed certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1}, made
     * by the JDK's {@code keytool} in a temporary directory deleted when the JVM exits; its PEM file
     * is {@link #certificateFile()}. Takes about a second.
     *
     * @throws IllegalStateException when keytool is missing, fails or takes too long
     */
    public static ServerTls selfSigned() {
        KeytoolCertificate.Generated generated = KeytoolCertificate.generate();
        KeyStore.PrivateKeyEntry entry = generated.identity();
        return new ServerTls(entry.getPrivateKey(), x509(entry.getCertificateChain()), generated.certificatePem(),
                "a self-signed certificate");
    }

    /** The server's own (leaf) certificate: what a client trusts to trust a self-signed server. */
    public X509Certificate certificate() {
        return chain.getFirst();
    }

    /** The certificate chain sent in handshakes, leaf first. */
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    /** The private key of {@link #certificate()}. */
    public PrivateKey privateKey() {
        return key;
    }

    /**
     * A trust manager that trusts this certificate and nothing else: what a test client (the JDK's
     * {@code HttpClient} through an {@code SSLContext}, Salvo's Netty transport) needs to talk to a
     * self-signed server.
     */
    public X509TrustManager trustManager() {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("server", certificate());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            return (X509TrustManager) factory.getTrustManagers()[0];
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make a trust manager: " + e, e);
        }
    }

    /** A PEM file of the chain clients can trust ({@code curl --cacert FILE}): the given one, the self-signed one; empty for a key store. */
    public Optional<Path> certificateFile() {
        return Optional.ofNullable(certificateFile);
    }

    @Override
    public String toString() {
        return "ServerTls[" + source + ", subject=" + certificate().getSubjectX500Principal().getName() + "]";
    }

    private static List<X509Certificate> x509(Certificate[] chain) {
        return Arrays.stream(chain).map(X509Certificate.class::cast).toList();
    }
}
