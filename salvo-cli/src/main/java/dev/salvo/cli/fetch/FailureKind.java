package dev.salvo.cli.fetch;

import dev.salvo.client.ClientClosedException;
import dev.salvo.client.ConnectFailedException;
import dev.salvo.client.ConnectionClosedException;
import dev.salvo.client.DeadlineExceededException;
import dev.salvo.client.MalformedResponseException;
import dev.salvo.client.Outcome;
import dev.salvo.client.ResponseTooLargeException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import javax.net.ssl.SSLException;

/**
 * Why one URL failed, as people say it: a short name for {@code --jsonl} and a sentence for the
 * terminal. The exception chain itself is logged at debug level (seen with {@code -v}).
 */
enum FailureKind {
    TLS_UNTRUSTED("certificate not trusted (use --cacert FILE, or -k to skip the check)"),
    TLS_HOSTNAME("certificate is not for this host name"),
    TLS("TLS handshake failed"),
    DNS("unknown host"),
    REFUSED("connection refused"),
    CONNECT("cannot connect"),
    TIMEOUT("timed out"),
    CLOSED("connection closed by the server"),
    MALFORMED("malformed response"),
    TOO_LARGE("response too large"),
    CANCELLED("cancelled"),
    IO("I/O error");

    private final String words;

    FailureKind(String words) {
        this.words = words;
    }

    /** The name written to {@code --jsonl}: {@code tls_untrusted}, {@code timeout}, … */
    String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The sentence for the terminal. */
    String words() {
        return words;
    }

    /** The kind of {@code failure}, looking through its whole cause chain (the deepest cause decides for TLS). */
    static FailureKind of(Throwable failure) {
        Throwable top = Outcome.unwrap(failure);
        FailureKind kind = null;
        for (Throwable c = top; c != null; c = c.getCause()) {
            FailureKind found = direct(c);
            if (found != null && (kind == null || kind == TLS || kind == CONNECT)) {
                kind = found;
            }
        }
        return kind != null ? kind : IO;
    }

    private static FailureKind direct(Throwable t) {
        String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException
                || message.contains("unable to find valid certification path")) {
            return TLS_UNTRUSTED;
        }
        if (t instanceof CertificateException && (message.contains("no subject alternative")
                || message.contains("no name matching"))) {
            return TLS_HOSTNAME;
        }
        if (t instanceof SSLException) {
            return TLS;
        }
        if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
            return DNS;
        }
        if (t instanceof ConnectException && !message.contains("timed out")) {
            return REFUSED; // the JDK's HttpClient says only "ConnectException" for a refused connection
        }
        if (t instanceof ConnectException || t instanceof NoRouteToHostException
                || t instanceof ConnectFailedException) {
            return message.contains("timed out") ? TIMEOUT : CONNECT;
        }
        if (t instanceof DeadlineExceededException) {
            return TIMEOUT;
        }
        if (t instanceof ConnectionClosedException) {
            return CLOSED;
        }
        if (t instanceof MalformedResponseException) {
            return MALFORMED;
        }
        if (t instanceof ResponseTooLargeException) {
            return TOO_LARGE;
        }
        if (t instanceof CancellationException || t instanceof ClientClosedException) {
            return CANCELLED;
        }
        return null;
    }
}
