/**
 * Test-only endpoints under {@code /fault/} that misbehave on purpose, for the client's fault tests
 * and the load generator's coordinated-omission test (see docs/server.md).
 *
 * <p>Threading: endpoints run on the thread the serving strategy hands them; the stall-once state
 * is a concurrent map. Null rules: no {@code null} arguments or results.
 */
package dev.salvo.server.internal.fault;
