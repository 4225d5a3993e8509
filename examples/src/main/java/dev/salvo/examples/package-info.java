/**
 * Runnable examples of Salvo used from a project of one's own. Each {@code main} takes an optional
 * base URL and otherwise starts the embedded server; each checks its result and fails loudly if it
 * is wrong, so running them is a test. They run on the main thread and Salvo's callback threads.
 */
package dev.salvo.examples;
