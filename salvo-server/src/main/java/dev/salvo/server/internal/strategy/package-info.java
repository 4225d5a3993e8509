/**
 * The five serving strategies: where each request is handled and how its waiting and work are done.
 *
 * <p>Threading: each {@link dev.salvo.server.internal.strategy.ServingStrategy} states its own
 * contract in its Javadoc; all of them are thread-safe. Continuations passed to
 * {@code spend} run exactly once, on the thread the strategy names. Null rules: no {@code null}
 * arguments or results.
 */
package dev.salvo.server.internal.strategy;
