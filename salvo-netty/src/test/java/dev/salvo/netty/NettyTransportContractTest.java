package dev.salvo.netty;

import dev.salvo.client.Transport;
import dev.salvo.client.TransportContract;

/** NettyTransport passes the same client contract as the JDK transport, on the embedded server. */
class NettyTransportContractTest extends TransportContract {
    @Override
    protected Transport newTransport() {
        return NettyTransport.builder().eventLoopThreads(1).build();
    }
}
