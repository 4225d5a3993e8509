package dev.salvo.netty.internal;

import dev.salvo.client.CallEvent.Phase;
import dev.salvo.client.Origin;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslHandler;
import io.netty.resolver.AddressResolver;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Opens a connection for a pool and tells the call that made the pool open it (when it listens to
 * phases, and while it still waits for a connection) how it went: DNS start/end when the host is a
 * name (resolved here, on an event loop, so the two can be told apart), connect start/end, and TLS
 * start/end; the pool hears of the connection after the TLS handshake then, so its exchange's
 * phases follow in order. For a call nobody listens to it is {@code bootstrap.connect()} and no more.
 * Any thread; the listeners run on event loops.
 */
final class Dialer {
    private final Bootstrap bootstrap;
    private final Origin origin;
    private final InetSocketAddress unresolved;
    private final boolean literal;

    /** Connects like {@code base} (which it leaves as is) to {@code origin}, building pipelines with {@code initializer}. */
    Dialer(Bootstrap base, Origin origin, ChannelHandler initializer) {
        this.origin = origin;
        this.unresolved = InetSocketAddress.createUnresolved(origin.host(), origin.port());
        this.bootstrap = base.clone().remoteAddress(unresolved).handler(initializer);
        this.literal = NetUtil.isValidIpV4Address(origin.host()) || NetUtil.isValidIpV6Address(origin.host());
    }

    /**
     * Connects for {@code opener}, the call the connection is opened for (on HTTP/2, the first one
     * waiting); then {@code connected} hears of the outcome, or {@code failed} of a failure that left
     * no channel behind (a name that did not resolve, a bootstrap that threw).
     */
    void dial(PendingExchange opener, ChannelFutureListener connected, Consumer<Throwable> failed) {
        boolean tell = opener.listensToConnecting();
        if (!opener.listensToResolving() || literal) {
            open(opener, tell, bootstrap::connect, connected, failed);
            return;
        }
        EventLoop loop = bootstrap.config().group().next();
        try {
            loop.execute(() -> resolve(opener, loop, connected, failed));
        } catch (RejectedExecutionException e) {
            failed.accept(e);
        }
    }

    private void resolve(PendingExchange opener, EventLoop loop, ChannelFutureListener connected, Consumer<Throwable> failed) {
        report(opener, Phase.DNS_START);
        AddressResolver<?> resolver = bootstrap.config().resolver().getResolver(loop);
        Future<? extends SocketAddress> resolved = resolver.resolve(unresolved);
        resolved.addListener(done -> {
            report(opener, Phase.DNS_END);
            if (done.isSuccess()) {
                SocketAddress address = resolved.getNow();
                open(opener, opener.listensToConnecting(), () -> bootstrap.connect(address), connected, failed);
            } else {
                failed.accept(done.cause());
            }
        });
    }

    /** Connects through {@code connect}, telling {@code opener} of the connect and TLS phases when {@code tell}. */
    private static void open(PendingExchange opener, boolean tell, Supplier<ChannelFuture> connect,
            ChannelFutureListener connected, Consumer<Throwable> failed) {
        if (tell) {
            report(opener, Phase.CONNECT_START);
        }
        ChannelFuture future;
        try {
            future = connect.get();
        } catch (RuntimeException e) {
            failed.accept(e);
            return;
        }
        if (!tell) {
            future.addListener(connected);
            return;
        }
        future.addListener((ChannelFutureListener) done -> {
            SslHandler tls = done.isSuccess() ? done.channel().pipeline().get(SslHandler.class) : null;
            if (done.isSuccess()) {
                report(opener, Phase.CONNECT_END);
            }
            if (tls == null) {
                connected.operationComplete(done);
                return;
            }
            report(opener, Phase.TLS_START);
            tls.handshakeFuture().addListener(handshake -> {
                report(opener, Phase.TLS_END);
                connected.operationComplete(done);
            });
        });
    }

    /** Tells {@code opener} of {@code phase} while it still waits for a connection (not once it runs elsewhere). */
    private static void report(PendingExchange opener, Phase phase) {
        if (opener.isWaiting()) {
            opener.reached(phase);
        }
    }

    @Override
    public String toString() {
        return "Dialer[" + origin + ']';
    }
}
