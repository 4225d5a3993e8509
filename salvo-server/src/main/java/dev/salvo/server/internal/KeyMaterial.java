package dev.salvo.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a server's TLS identity: a PEM certificate chain and an unencrypted PKCS#8 PEM private key
 * ({@code -----BEGIN PRIVATE KEY-----}), or a PKCS#12 key store; and checks that the key belongs to
 * the chain's first certificate. Every failure is an {@link IllegalArgumentException} whose message
 * names the file and what is wrong with it. Stateless.
 */
public final class KeyMaterial {
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "EdDSA");

    private KeyMaterial() {
    }

    /** The certificates of a PEM file, leaf first. */
    public static List<X509Certificate> certificates(Path file) {
        byte[] bytes = read(file, "certificate");
        try {
            List<X509Certificate> chain = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new java.io.ByteArrayInputStream(bytes)).stream()
                    .map(X509Certificate.class::cast).toList();
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("certificate file " + file + " holds no PEM certificate");
            }
            return chain;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("certificate file " + file + " is not a PEM certificate: " + e.getMessage(), e);
        }
    }

    /** The unencrypted PKCS#8 private key of a PEM file. */
    public static PrivateKey privateKey(Path file) {
        String text = new String(read(file, "key"), StandardCharsets.US_ASCII);
        Matcher m = PRIVATE_KEY.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("key file " + file + " holds no unencrypted PKCS#8 key"
                    + " (-----BEGIN PRIVATE KEY-----; convert with openssl pkcs8 -topk8 -nocrypt)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key file " + file + " is not valid base64: " + e.getMessage(), e);
        }
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("key file " + file + " holds a key of no supported algorithm " + KEY_ALGORITHMS);
    }

    /** The first private key entry of a PKCS#12 key store and its certificate chain. */
    public static KeyStore.PrivateKeyEntry pkcs12(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String alias : java.util.Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return (KeyStore.PrivateKeyEntry) store.getEntry(alias, new KeyStore.PasswordProtection(password));
                }
            }
            throw new IllegalArgumentException("key store " + file + " holds no private key");
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("key store " + file + " does not exist", e);
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("cannot read key store " + file + " (wrong password, or not PKCS#12): "
                    + e.getMessage(), e);
        }
    }

    /** Throws unless {@code key} signs what the leaf certificate's public key verifies. */
    public static void checkMatch(PrivateKey key, Certificate leaf, String what) {
        try {
            String algorithm = switch (key.getAlgorithm()) {
                case "RSA" -> "SHA256withRSA";
                case "EC" -> "SHA256withECDSA";
                default -> key.getAlgorithm(); // EdDSA, Ed25519, Ed448 sign under their own names
            };
            byte[] probe = "salvo key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            signer.initVerify(leaf.getPublicKey());
            signer.update(probe);
            if (signer.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // a key of another type than the certificate's: no match
        }
        throw new IllegalArgumentException(what + " does not match the certificate");
    }

    private static byte[] read(Path file, String what) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(what + " file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + what + " file " + file + ": " + e.getMessage(), e);
        }
    }
}
