/**
 * A fast {@link dev.salvo.client.spi.Transport} on Netty 4.1: HTTP/1.1 (and https) over a bounded
 * keep-alive connection pool per scheme, host and port, or HTTP/2 (h2c, h2 by ALPN) multiplexing
 * the calls to an origin as streams over few connections, native epoll where available (else NIO),
 * pooled buffers. Start with {@link dev.salvo.netty.NettyTransport#create()} or
 * {@link dev.salvo.netty.NettyTransport#newBuilder()}.
 *
 * <p><b>Threading.</b> {@link dev.salvo.netty.NettyTransport} is thread-safe: call
 * {@code execute} from any thread; it returns at once. Its futures complete on the transport's
 * I/O threads (daemon threads named {@code salvo-netty-…}), or on the thread that cancels them or
 * closes the transport; {@code Exchange#responseHeaders} and the body's subscriber are called on
 * the I/O threads. Code run
 * there must not block: Salvo's engine moves user callbacks off them. The {@link dev.salvo.netty.NettyTransport.Builder} is not
 * thread-safe.
 *
 * <p><b>Nulls.</b> No parameter accepts null (NullPointerException at once, naming it); no method
 * returns null.
 *
 * <p><b>Errors and cancellation.</b> I/O faults never throw from {@code execute}: the future fails
 * with a {@link dev.salvo.client.SalvoIOException} subtype keeping the cause. Body limits belong to
 * the client ({@link dev.salvo.client.ResponseTooLargeException}); the transport streams every body to
 * its subscriber, reading the socket only as fast as the subscriber asks (channel {@code autoRead}).
 * Cancelling a future closes the connection it was using (its pool slot frees when the close
 * completes) or removes it from the pool's queue; over HTTP/2 it resets the call's stream
 * (RST_STREAM), frees the slot at once and leaves the connection up.
 */
package dev.salvo.netty;
