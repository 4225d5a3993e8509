/**
 * httpbin's endpoints, following go-httpbin's behaviour and 400 rules (see docs/server.md).
 *
 * <p>Threading: endpoints are stateless (or hold only thread-safe state) and run on whatever
 * thread the serving strategy hands them; they wait only through
 * {@link dev.salvo.server.internal.http.Exchange#spend} or event-loop timers. Null rules: no
 * {@code null} arguments; JSON {@code null} where httpbin shows it (e.g. {@code json} without a
 * JSON body).
 */
package dev.salvo.server.internal.httpbin;
