package dev.salvo.netty;

import dev.salvo.client.contract.TransportContract;
import dev.salvo.client.spi.Transport;

/** NettyTransport passes the same client contract as the JDK transport, on the embedded server. */
class NettyTransportContractTest extends TransportContract {
    @Override
    protected Transport newTransport() {
        return NettyTransport.newBuilder().eventLoopThreads(1).build();
    }
}
