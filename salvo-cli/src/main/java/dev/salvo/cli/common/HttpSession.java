package dev.salvo.cli.common;

import dev.salvo.client.Salvo;
import dev.salvo.client.Transport;

/**
 * A command's client and the transport it owns, closed together (a {@link Salvo} does not close
 * a transport it was given).
 *
 * @param client    the client to send with
 * @param transport its transport
 */
public record HttpSession(Salvo client, Transport transport) implements AutoCloseable {
    @Override
    public void close() {
        try {
            client.close();
        } finally {
            transport.close();
        }
    }
}
