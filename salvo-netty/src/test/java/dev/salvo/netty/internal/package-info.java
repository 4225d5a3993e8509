/**
 * Unit tests of the transport's small pure parts. Single-threaded; no nulls.
 */
package dev.salvo.netty.internal;
