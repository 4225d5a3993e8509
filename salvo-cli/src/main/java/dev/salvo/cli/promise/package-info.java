/**
 * Scenario S6 (seed 004, asynchttp): a promise-returning client with a bounded number of workers.
 * Salvo's {@code send} is the seed's {@code request()}: it returns a future at once, the worker
 * bound is {@code maxInFlight}, errors surface when the result is accessed, and callbacks run on
 * a worker thread.
 *
 * <p><b>Threading.</b> Callbacks run on the scenario's named worker pool (the client's callback
 * executor), never on the caller. <b>Nulls.</b> No method accepts or returns null.
 */
package dev.salvo.cli.promise;
