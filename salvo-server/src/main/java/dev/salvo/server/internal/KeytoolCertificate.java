package dev.salvo.server.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A fresh self-signed certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1} (its
 * subject alternative names), made by the JDK's own {@code keytool} (no extra library): an EC P-256
 * key pair in a PKCS#12 key store and the certificate exported as PEM for clients to trust, in a
 * temporary directory deleted when the JVM exits. Each keytool run is bounded. Thread-safe (each
 * call makes its own directory).
 */
public final class KeytoolCertificate {
    /** The password of the generated key store; it protects nothing (the files are the server's own, mode 0700). */
    private static final String PASSWORD = "salvo-self-signed";
    private static final long TIMEOUT_SECONDS = 60;

    /** The generated key and certificate, and the certificate's PEM file. */
    public record Generated(KeyStore.PrivateKeyEntry identity, Path certificatePem) {
    }

    private KeytoolCertificate() {
    }

    /**
     * Generates the key store, reads it back and exports the certificate as PEM.
     *
     * @throws IllegalStateException when keytool is missing, fails or takes too long
     */
    public static Generated generate() {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IllegalStateException("cannot make a self-signed certificate: " + keytool
                    + " is missing (a JRE without keytool); pass a certificate and key instead");
        }
        try {
            Path dir = Files.createTempDirectory("salvo-tls-");
            dir.toFile().deleteOnExit(); // deleted last: registered first
            Path keyStore = dir.resolve("self-signed.p12");
            Path pem = dir.resolve("self-signed.pem");
            keyStore.toFile().deleteOnExit();
            pem.toFile().deleteOnExit();
            Path log = dir.resolve("keytool.log");
            log.toFile().deleteOnExit();
            run(log, List.of(keytool.toString(), "-genkeypair", "-alias", "salvo", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:::1", "-validity", "30",
                    "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD));
            run(log, List.of(keytool.toString(), "-exportcert", "-rfc", "-alias", "salvo", "-keystore", keyStore.toString(),
                    "-storetype", "PKCS12", "-storepass", PASSWORD, "-file", pem.toString()));
            return new Generated(KeyMaterial.pkcs12(keyStore, PASSWORD.toCharArray()), pem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a self-signed certificate: " + e.getMessage(), e);
        }
    }

    private static void run(Path log, List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            boolean done = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!done) {
                process.destroyForcibly();
                throw new IllegalStateException("cannot make a self-signed certificate: keytool took over "
                        + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                String output = Files.readString(log, StandardCharsets.UTF_8).strip();
                throw new IllegalStateException("cannot make a self-signed certificate: keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making a self-signed certificate", e);
        }
    }
}
