/**
 * The client's implementation: dispatcher, call engine, transports, gather and batches. Not API:
 * anything here may change without notice; use {@code dev.salvo.client}.
 *
 * <p><b>Threading.</b> Every class here is thread-safe unless its Javadoc says it is confined.
 * {@link dev.salvo.client.internal.Dispatcher} guards its state with one lock and never calls
 * out while holding it; transports are invoked outside that lock. Futures handed to users
 * ({@link dev.salvo.client.internal.CallFuture}) are completed after the call's slot has been
 * freed, on whatever thread ended the call; the stages users chain on them run on the callback
 * executor.
 *
 * <p><b>Nulls.</b> Parameters are never null (checked at the public API); "absent" is
 * {@link java.util.Optional} or, inside a class, a documented null field.
 */
package dev.salvo.client.internal;
