/**
 * Micrometer metrics for the Salvo client: {@link dev.salvo.micrometer.SalvoMetrics} turns a client's
 * {@link dev.salvo.client.CallEvent}s into an {@code http.client.requests} timer named and tagged after
 * Micrometer's HTTP client conventions, and adds gauges for the calls in flight and queued and for the
 * transport's connection pools.
 *
 * <p><b>Threading.</b> {@link dev.salvo.micrometer.SalvoMetrics} is immutable and thread-safe; each of
 * its listeners serves one client, runs on whatever thread a call's phase happens on (I/O threads
 * included), takes no lock and does not block. Its builder is not thread-safe.
 *
 * <p><b>Nulls.</b> No parameter accepts null (NullPointerException at once, naming it); no public method
 * returns null (the package's look-up of running calls answers null for a call it does not hold). A URI template function that returns null or throws is treated as {@code UNKNOWN}.
 */
package dev.salvo.micrometer;
