package dev.salvo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.AttributeKey;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 10,000 concurrent {@code /delay/1} connections, held at once and all answered. Client and server
 * share this JVM, so each connection costs two file descriptors: when the open-file limit is too
 * low for 10,000 the test uses as many as the limit allows minus a margin, and prints how many.
 */
class ManyConnectionsTest {
    static final int WANTED = 10_000;
    static final byte[] REQUEST = "GET /delay/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    static int connectionsTheLimitAllows() {
        long limit = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount() : 4096;
        return (int) Math.min(WANTED, (limit - 1500) / 2);
    }

    @Test
    void tenThousandDelayedRequestsAreHeldAndAllAnswered() throws Exception {
        int n = connectionsTheLimitAllows();
        System.out.println("ManyConnectionsTest: " + n + " connections (open-file limit allows " + n + " of " + WANTED + ")");
        assertTrue(n >= 2000, "open-file limit too low for a meaningful test: " + n);
        AtomicInteger open = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(n);
        Semaphore connecting = new Semaphore(512);
        EventLoopGroup group = new NioEventLoopGroup(2);
        long start = System.nanoTime();
        try (SalvoServer server = SalvoServer.start(ServerConfig.newBuilder().idleTimeout(Duration.ofSeconds(60)).build())) {
            Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 20_000)
                    .handler(new Counting(open, peak, ok, failed, done));
            for (int i = 0; i < n; i++) {
                connecting.acquire();
                b.connect("127.0.0.1", server.port()).addListener(f -> {
                    connecting.release();
                    if (!f.isSuccess()) {
                        failed.incrementAndGet();
                        done.countDown();
                    }
                });
            }
            assertTrue(done.await(50, TimeUnit.SECONDS), "not all answered in time: " + done.getCount() + " left");
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        double took = (System.nanoTime() - start) / 1e9;
        System.out.printf("ManyConnectionsTest: %d answered 200, %d failed, peak %d open at once, %.1f s%n", ok.get(), failed.get(), peak.get(), took);
        assertEquals(n, ok.get(), "every request answered 200 (failed: " + failed.get() + ")");
        assertTrue(peak.get() >= n / 2, "connections were held concurrently, peak " + peak.get());
    }

    /** Sends the request when connected, counts the reply's status and the connection's end. */
    @ChannelHandler.Sharable
    private static final class Counting extends ChannelInboundHandlerAdapter {
        static final AttributeKey<Boolean> COUNTED = AttributeKey.valueOf("salvo.counted");
        private final AtomicInteger open;
        private final AtomicInteger peak;
        private final AtomicInteger ok;
        private final AtomicInteger failed;
        private final CountDownLatch done;

        Counting(AtomicInteger open, AtomicInteger peak, AtomicInteger ok, AtomicInteger failed, CountDownLatch done) {
            this.open = open;
            this.peak = peak;
            this.ok = ok;
            this.failed = failed;
            this.done = done;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            peak.accumulateAndGet(open.incrementAndGet(), Math::max);
            ctx.writeAndFlush(Unpooled.wrappedBuffer(REQUEST));
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buf = (ByteBuf) msg;
            if (!ctx.channel().hasAttr(COUNTED)) {
                ctx.channel().attr(COUNTED).set(Boolean.TRUE);
                String head = buf.toString(0, Math.min(12, buf.readableBytes()), StandardCharsets.US_ASCII);
                (head.equals("HTTP/1.1 200") ? ok : failed).incrementAndGet();
            }
            buf.release();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            open.decrementAndGet();
            if (!ctx.channel().hasAttr(COUNTED)) {
                failed.incrementAndGet();
            }
            done.countDown();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
