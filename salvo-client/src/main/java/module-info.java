/**
 * Salvo's client: the API ({@code dev.salvo.client}) and the transport author's SPI
 * ({@code dev.salvo.client.spi}). The implementation ({@code dev.salvo.client.internal}) is not exported.
 */
module dev.salvo.client {
    requires transitive java.net.http;
    requires org.slf4j;

    exports dev.salvo.client;
    exports dev.salvo.client.spi;
}
