/**
 * A loopback load benchmark of the Netty transport against the JDK transport (a main, run by
 * {@code salvo-netty/bench/run.sh}); not a test.
 *
 * <p><b>Threading.</b> The server runs on its own event loop; each measured transport drives a
 * closed loop of {@code concurrency} calls from its completion callbacks; counters are atomic.
 *
 * <p><b>Nulls.</b> No parameter accepts null; no method returns null.
 */
package dev.salvo.netty.bench;
