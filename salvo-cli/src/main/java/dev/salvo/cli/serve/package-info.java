/**
 * {@code salvo serve} and scenario S5 (seed 003's five servers): the embedded server on a port,
 * with a serving strategy, an access log and a clean Ctrl-C; and the seed's {@code ab -c 2 -n 10}
 * experiment run against each strategy.
 *
 * <p><b>Threading.</b> The access log is written from server threads through the thread-safe
 * {@link dev.salvo.cli.common.Output}; the command's main thread waits until the server is
 * stopped; the access-log file sink is thread-safe (one synchronized, flushed write per line).
 * <b>Nulls.</b> No method accepts or returns null.
 */
package dev.salvo.cli.serve;
