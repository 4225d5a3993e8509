/**
 * The Netty side of the server: bootstrap and shutdown, the channel pipeline, one handler per
 * connection, limits (431, 413, idle timeout), the access log and the route table.
 *
 * <p>Threading: a {@link dev.salvo.server.internal.ConnectionHandler} is confined to its channel's
 * event loop; {@link dev.salvo.server.internal.ServerRuntime} is thread-safe and its
 * {@code close()} idempotent. Requests on one connection are served one at a time, in order
 * (pipelined requests wait their turn). Null rules: no {@code null} arguments or results.
 */
package dev.salvo.server.internal;
