/**
 * Issue 6's harness: Salvo against the Java HTTP clients on one server. The coordinator
 * ({@link dev.salvo.benchmarks.peers.ClientsBenchmark}) runs on one thread and drives one
 * {@link dev.salvo.benchmarks.peers.PeerWorker} JVM per client over its standard input and output;
 * inside a worker, {@link dev.salvo.benchmarks.peers.ClosedLoop} is driven by the client's
 * completion threads. Values are immutable records; nothing is null.
 */
package dev.salvo.benchmarks.peers;
