/**
 * The Netty side of the server: bootstrap and shutdown, the channel pipeline, one handler per
 * connection, the limits and refusals (431, 413, 408, 503, strict framing, the head deadline,
 * the write timeout, the connection cap, the outbound budget), the upload sink, the access log,
 * the route table, and TLS (the handler and ALPN's choice; reading and making key material).
 *
 * <p>Threading: every per-connection handler ({@link dev.salvo.server.internal.ConnectionHandler},
 * the codec, the head guard, the upload sink, the write-stall watch, the TLS protocol choice) is confined to its channel's
 * event loop; what connections share (the outbound byte count, the open-connection count) is
 * atomic; {@link dev.salvo.server.internal.ServerRuntime} is thread-safe and its {@code close()}
 * idempotent. Requests on one connection are served one at a time, in order (pipelined requests
 * and refusals wait their turn). Null rules: no {@code null} arguments or results.
 */
package dev.salvo.server.internal;
