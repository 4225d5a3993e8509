/**
 * The transport author's surface: what a transport implements ({@link dev.salvo.client.spi.Transport},
 * {@link dev.salvo.client.spi.BlockingClient}) and what it reports to ({@link dev.salvo.client.spi.Exchange}).
 * Users pick a transport with {@link dev.salvo.client.Transports} and never need this package otherwise.
 *
 * <p><b>Threading.</b> Every interface here may be called from a transport's I/O threads; implementations
 * are thread-safe and must not block in the callbacks they receive.
 *
 * <p><b>Nulls.</b> No parameter accepts null and no method returns null.
 */
package dev.salvo.client.spi;
