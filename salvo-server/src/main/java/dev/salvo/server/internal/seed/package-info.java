/**
 * The seed scenarios' services: the expensive function of seed 003 at {@code /}, the books API of
 * seed 002 and the search-jobs API of seed 000.
 *
 * <p>Threading: endpoints run on the thread the serving strategy hands them and wait only through
 * {@link dev.salvo.server.internal.http.Exchange#spend}; shared state (sessions, jobs) lives in
 * concurrent maps. Null rules: no {@code null} arguments or results.
 */
package dev.salvo.server.internal.seed;
