package dev.salvo.cli.common;

import dev.salvo.client.Salvo;
import dev.salvo.client.spi.Transport;

/**
 * A command's client and the transport it owns, closed together (a {@link Salvo} does not close
 * a transport it was given), and closed by Ctrl-C too ({@link CleanStop}).
 */
public final class HttpSession implements AutoCloseable {
    private final Salvo client;
    private final Transport transport;

    HttpSession(Salvo client, Transport transport) {
        this.client = client;
        this.transport = transport;
        CleanStop.register(this);
    }

    /** The client to send with. */
    public Salvo client() {
        return client;
    }

    @Override
    public void close() {
        CleanStop.unregister(this);
        try {
            client.close();
        } finally {
            transport.close();
        }
    }
}
