package dev.salvo.benchmarks;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollEventLoopGroup;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * What one cross-thread wake-up costs on this machine (issue 12's floor for the client's overhead
 * at c=1): two threads hand a token back and forth with {@code LockSupport.park}/{@code unpark},
 * each parking until the other hands it back, so every hand-off wakes a parked thread. Per case it
 * prints the wall time of a round trip and the process CPU time of one hand-off (one wake, both
 * sides' share: the unpark, the wakee's return from its park, and the park before the next one).
 * Cases: platform ↔ platform, platform ↔ virtual (an I/O thread and the callback lane), virtual ↔
 * virtual (two virtual threads on the same carriers), and virtual ↔ Netty epoll event loop: a
 * virtual thread hands a task to an idle event loop ({@code execute}: an eventfd write wakes its
 * {@code epoll_wait}) and the task unparks it back, which is the path Salvo adds to a call at c=1
 * (the loop completes the call onto the callback lane, whose stage sends the next request through
 * the loop).
 *
 * <p>Usage: {@code WakeCost [roundTrips]} (default 100,000 per case, after a warm-up of as many).
 */
public final class WakeCost {
    private WakeCost() {
    }

    public static void main(String[] args) throws Exception {
        int trips = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        System.out.printf("%-22s %14s %18s%n", "case", "wall µs/trip", "CPU µs/hand-off");
        for (String kind : new String[] {"platform-platform", "platform-virtual", "virtual-virtual", "virtual-epoll"}) {
            measure(kind, trips); // warm-up
            long[] r = kind.equals("virtual-epoll") ? viaEventLoop(trips) : measure(kind, trips);
            System.out.printf("%-22s %14.2f %18.2f%n", kind, r[0] / 1e3 / trips, r[1] / 1e3 / (2.0 * trips));
        }
    }

    /** Wall and process CPU nanoseconds of {@code trips} round trips between two threads of {@code kind}. */
    private static long[] measure(String kind, int trips) throws InterruptedException {
        Thread.Builder first = kind.startsWith("virtual") ? Thread.ofVirtual() : Thread.ofPlatform().daemon();
        Thread.Builder second = kind.endsWith("virtual") ? Thread.ofVirtual() : Thread.ofPlatform().daemon();
        PingPong game = new PingPong(trips);
        CountDownLatch ready = new CountDownLatch(2);
        Thread pong = second.unstarted(() -> game.play(1, ready));
        Thread ping = first.unstarted(() -> game.play(0, ready));
        game.players = new Thread[] {ping, pong};
        long cpu0 = cpu();
        long t0 = System.nanoTime();
        pong.start();
        ping.start();
        ping.join();
        pong.join();
        return new long[] {System.nanoTime() - t0, cpu() - cpu0};
    }

    /** Wall and process CPU nanoseconds of {@code trips} round trips between a virtual thread and an epoll event loop. */
    private static long[] viaEventLoop(int trips) throws InterruptedException {
        EventLoopGroup group = new EpollEventLoopGroup(1);
        try {
            EventLoop loop = group.next();
            long[] result = new long[2];
            Thread player = Thread.ofVirtual().unstarted(() -> {
                AtomicBoolean back = new AtomicBoolean();
                Thread me = Thread.currentThread();
                Runnable unparkMe = () -> {
                    back.set(true);
                    LockSupport.unpark(me);
                };
                for (int round = 0; round < 2; round++) { // a warm-up, then the measured round
                    long cpu0 = cpu();
                    long t0 = System.nanoTime();
                    for (int i = 0; i < trips; i++) {
                        back.set(false);
                        loop.execute(unparkMe);
                        while (!back.get()) {
                            LockSupport.park(back);
                        }
                    }
                    result[0] = System.nanoTime() - t0;
                    result[1] = cpu() - cpu0;
                }
            });
            player.start();
            player.join();
            return result;
        } finally {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The token: whose turn it is (0 or 1); each player takes {@code trips} turns. */
    private static final class PingPong {
        private final int trips;
        private volatile int turn;
        volatile Thread[] players;

        PingPong(int trips) {
            this.trips = trips;
        }

        void play(int me, CountDownLatch ready) {
            ready.countDown();
            try {
                ready.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Thread other = players[1 - me];
            for (int i = 0; i < trips; i++) {
                while (turn != me) {
                    LockSupport.park(this);
                }
                turn = 1 - me;
                LockSupport.unpark(other);
            }
        }
    }
}
