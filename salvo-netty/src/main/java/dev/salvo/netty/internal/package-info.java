/**
 * The Netty transport's machinery, behind {@link dev.salvo.netty.NettyTransport}; not an API.
 *
 * <p><b>Threading.</b> {@link dev.salvo.netty.internal.PooledTransport} and
 * {@link dev.salvo.netty.internal.HostPool} are thread-safe: a pool guards its idle connections,
 * its queue of waiting calls and its counts with its own monitor and never holds it while doing
 * I/O or completing a future ({@link dev.salvo.netty.internal.QueuingPool} holds what both pools
 * share: the queue and closing; {@link dev.salvo.netty.internal.CallHandler} what an HTTP/1.1
 * connection's handler and an HTTP/2 stream share: the call in flight and its body). Everything bound to one connection
 * ({@link dev.salvo.netty.internal.ResponseHandler}, {@link dev.salvo.netty.internal.BodyFlow},
 * the decoder) runs on that connection's event loop only (except a streamed request body's reads, in
 * {@link dev.salvo.netty.internal.BodyUpload}); other threads reach it by submitting a
 * task to that loop. A {@link dev.salvo.netty.internal.PendingExchange} is the call's future and
 * its state at once; it completes once, on an I/O thread or on the thread that cancels it. A
 * {@link dev.salvo.netty.internal.Dialer} opens a pool's connections from any thread; what it reports
 * of them (DNS, connect, TLS) it reports from event loops.
 *
 * <p><b>HTTP/2.</b> {@link dev.salvo.netty.internal.H2Pool} is thread-safe the same way; its monitor
 * also guards the stream counts of its {@link dev.salvo.netty.internal.H2Connection}s. A connection
 * and its {@link dev.salvo.netty.internal.H2Stream}s (one per call, the handler of Netty's child
 * stream channel) run on the connection's event loop. A stream frees its slot exactly once: when
 * Netty's codec closes it (just after its response's last frame), or when it failed, was reset or
 * was cancelled.
 *
 * <p><b>Nulls.</b> No parameter accepts null; fields that may be absent say so in their comment
 * and are checked where read.
 *
 * <p><b>Buffers.</b> Request bytes are written into one pooled buffer that Netty releases after the
 * write; every message the decoder hands on is released by the handler in a {@code finally}, after
 * its bytes were copied for the body's subscriber (which owns what it receives). A streamed request
 * body is read and written by a {@link dev.salvo.netty.internal.BodyUpload} on a virtual thread of its
 * own (a blocking read never holds an event loop), with backpressure to the connection's writability.
 */
package dev.salvo.netty.internal;
