/**
 * OpenTelemetry tracing for the Salvo client: {@link dev.salvo.opentelemetry.SalvoTracing} gives a client an
 * {@link dev.salvo.client.Interceptor} that opens a CLIENT span per call (named and attributed after
 * OpenTelemetry's HTTP client semantic conventions) and puts the trace context on the request, and an
 * {@link dev.salvo.client.EventListener} that adds the call's retries and redirects to that span as events.
 *
 * <p><b>Threading.</b> {@link dev.salvo.opentelemetry.SalvoTracing} is immutable and thread-safe. Its
 * interceptor runs on the caller's thread (the span's parent is that thread's {@code Context.current()});
 * its listener runs on whatever thread a call's phase happens on (I/O threads included), does not block,
 * and takes no lock but the traced call's own, held for a few field updates. A span ends exactly once, on
 * whichever thread ends the call last.
 *
 * <p><b>Nulls.</b> No parameter accepts null (NullPointerException at once, naming it); no method returns
 * null.
 */
package dev.salvo.opentelemetry;
