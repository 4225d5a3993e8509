/**
 * Benchmarks of the client: JMH for the dispatch path, loopback programs for throughput and scale.
 * Each program is single-use and confined to its main thread except where it starts workers.
 * Parameters are never null.
 */
package dev.salvo.benchmarks;
