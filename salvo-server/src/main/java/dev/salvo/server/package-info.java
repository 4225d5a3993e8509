/**
 * Salvo's embedded HTTP server: httpbin offline, the seed scenarios' services and five serving
 * strategies, for tests, demos and {@code salvo serve}.
 *
 * <p>Entry point: {@link dev.salvo.server.SalvoServer#start(ServerConfig)}. {@link ServerConfig} is
 * an immutable value built with {@link ServerConfig#newBuilder()}; {@link ServerTls}, the
 * immutable TLS identity (PEM, PKCS#12 or self-signed) that makes the port speak TLS.
 *
 * <p>Threading: {@code SalvoServer} is thread-safe; {@code close()} may be called from any thread,
 * more than once. {@code ServerTls} is thread-safe; its factories read files (and
 * {@code selfSigned()} runs keytool) on the calling thread. The access-log sink is called from server threads, possibly concurrently.
 * Null rules: no method accepts or returns {@code null}; a {@code null} argument throws
 * {@link NullPointerException} at once.
 */
package dev.salvo.server;
