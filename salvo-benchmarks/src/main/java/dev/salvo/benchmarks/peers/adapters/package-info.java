/**
 * One {@link dev.salvo.benchmarks.peers.PeerClient} adapter per client under test: Salvo on its two
 * transports, the bare transports, and the Java peers. Every adapter is thread-safe (calls come
 * from the harness and from completion callbacks at once); URLs are never null.
 */
package dev.salvo.benchmarks.peers.adapters;
