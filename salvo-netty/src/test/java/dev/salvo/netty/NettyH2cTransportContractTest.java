package dev.salvo.netty;

import dev.salvo.client.HttpVersion;
import dev.salvo.client.Origin;
import dev.salvo.client.contract.TransportContract;
import dev.salvo.client.spi.Transport;
import java.net.URI;

/**
 * The client contract over h2c (HTTP/2 with prior knowledge) to the embedded server, which speaks it
 * on its HTTP/1.1 port; the contract's raw-socket servers stay on HTTP/1.1.
 */
class NettyH2cTransportContractTest extends TransportContract {
    @Override
    protected Transport newTransport() {
        return NettyTransport.newBuilder()
                .eventLoopThreads(1)
                .protocol(Origin.of(URI.create(server.url("/"))), HttpVersion.HTTP_2)
                .build();
    }
}
