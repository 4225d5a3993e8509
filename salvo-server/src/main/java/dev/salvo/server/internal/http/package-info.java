/**
 * Routing and the per-request {@link dev.salvo.server.internal.http.Exchange}: what every endpoint
 * reads its request from and writes its reply to.
 *
 * <p>Threading: an {@code Exchange} is used by one thread at a time (the one the serving strategy
 * runs its handling or continuation on); replying from any thread is safe, the write is handed to
 * the connection's event loop. {@link dev.salvo.server.internal.http.Router} is immutable once
 * built and thread-safe. Null rules: no {@code null} arguments; absent values are
 * {@code Optional} or documented defaults.
 */
package dev.salvo.server.internal.http;
