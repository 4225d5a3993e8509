/**
 * The client guide's examples (docs/client.md), compiled and run by the build. Each example is
 * confined to the thread that calls it; no parameter is null.
 */
package dev.salvo.client.examples;
