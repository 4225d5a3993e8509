/**
 * Tests of the peers harness: its values and parsing, and every client adapter and the closed loop
 * against Salvo's embedded server on loopback. Each test is confined to its own thread apart from
 * the clients' threads; nothing is null.
 */
package dev.salvo.benchmarks.peers;
