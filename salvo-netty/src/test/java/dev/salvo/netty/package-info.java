/**
 * Tests of the Netty transport against real loopback servers: the JDK's HttpServer for normal
 * replies, raw sockets for faults, an SSLServerSocket for https.
 *
 * <p><b>Threading.</b> Servers answer on their own threads; tests block on futures with bounded
 * waits. <b>Nulls.</b> None passed, none returned.
 */
package dev.salvo.netty;
