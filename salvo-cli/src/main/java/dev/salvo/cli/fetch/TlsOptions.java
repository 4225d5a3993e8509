package dev.salvo.cli.fetch;

import dev.salvo.cli.common.BadInputException;
import dev.salvo.cli.common.FileReason;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import picocli.CommandLine.Option;

/**
 * {@code --cacert FILE} (trust the CA certificates in a PEM or DER file instead of the JDK's) and
 * {@code -k} (trust any certificate, whatever host it names). Read and checked before any request is sent.
 */
final class TlsOptions {
    @Option(names = "--cacert", paramLabel = "FILE",
            description = "Trust the CA certificate(s) in FILE (PEM or DER) instead of the JDK's trust store.")
    Path caCert;

    @Option(names = {"-k", "--insecure"},
            description = "Trust any server certificate, whatever host it names (for testing only, as curl -k).")
    boolean insecure;

    /** The trust manager to use, or empty for the JDK's default trust store. */
    Optional<X509TrustManager> trustManager() {
        if (insecure && caCert != null) {
            throw new BadInputException("--cacert and -k contradict each other: give one");
        }
        if (insecure) {
            return Optional.of((X509TrustManager) InsecureTrustManagerFactory.INSTANCE.getTrustManagers()[0]);
        }
        return caCert == null ? Optional.empty() : Optional.of(trusting(read(caCert)));
    }

    private static Collection<? extends Certificate> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new BadInputException("--cacert " + file + ": no certificate in it (expected PEM or DER)");
            }
            return certificates;
        } catch (IOException e) {
            throw new BadInputException("--cacert " + file + ": " + FileReason.of(e), e);
        } catch (GeneralSecurityException e) {
            throw new BadInputException("--cacert " + file + ": not a certificate file (expected PEM or DER)", e);
        }
    }

    private static X509TrustManager trusting(Collection<? extends Certificate> certificates) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return (X509TrustManager) factory.getTrustManagers()[0];
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the JDK cannot build a trust store", e);
        }
    }
}
