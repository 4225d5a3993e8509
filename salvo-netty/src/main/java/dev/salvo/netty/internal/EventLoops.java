package dev.salvo.netty.internal;

import io.netty.channel.Channel;
import java.util.concurrent.RejectedExecutionException;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The I/O threads of one transport: native epoll when it loads, else NIO; daemon threads. */
final class EventLoops {
    private static final Logger LOG = LoggerFactory.getLogger(EventLoops.class);

    private final EventLoopGroup group;
    private final Class<? extends SocketChannel> channelType;
    private final String kind;

    private EventLoops(EventLoopGroup group, Class<? extends SocketChannel> channelType, String kind) {
        this.group = group;
        this.channelType = channelType;
        this.kind = kind;
    }

    static EventLoops start(int threads, boolean preferNative) {
        ThreadFactory daemons = new DefaultThreadFactory("salvo-netty", true);
        if (preferNative && Epoll.isAvailable()) {
            return new EventLoops(new EpollEventLoopGroup(threads, daemons), EpollSocketChannel.class, "epoll");
        }
        if (preferNative && LOG.isDebugEnabled()) {
            LOG.debug("[{}] native epoll unavailable, using NIO: {}", Thread.currentThread().getName(),
                    String.valueOf(Epoll.unavailabilityCause()));
        }
        return new EventLoops(new NioEventLoopGroup(threads, daemons), NioSocketChannel.class, "nio");
    }

    EventLoopGroup group() {
        return group;
    }

    Class<? extends SocketChannel> channelType() {
        return channelType;
    }

    /** {@code "epoll"} or {@code "nio"}. */
    String kind() {
        return kind;
    }

    /**
     * Stops the threads without a quiet period and waits at most {@code bound} for them to end;
     * true when they did. Called on one of these threads (from a callback) it cannot wait for
     * itself: it starts the shutdown and returns false.
     */
    boolean shutdown(Duration bound) {
        long millis = bound.toMillis();
        Future<?> terminated = group.shutdownGracefully(0, millis, TimeUnit.MILLISECONDS);
        for (EventExecutor loop : group) {
            if (loop.inEventLoop()) {
                return false;
            }
        }
        return terminated.awaitUninterruptibly(millis + 100);
    }

    /** Runs {@code task} on {@code channel}'s event loop: at once when already there; when the loop has stopped, closes the channel. */
    static void runOn(Channel channel, Runnable task) {
        if (channel.eventLoop().inEventLoop()) {
            task.run();
            return;
        }
        try {
            channel.eventLoop().execute(task);
        } catch (RejectedExecutionException stopped) {
            channel.close();
        }
    }
}
