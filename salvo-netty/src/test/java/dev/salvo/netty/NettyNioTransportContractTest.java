package dev.salvo.netty;

import dev.salvo.client.contract.TransportContract;
import dev.salvo.client.spi.Transport;

/** The client contract again with native epoll turned off: the NIO fallback behaves the same. */
class NettyNioTransportContractTest extends TransportContract {
    @Override
    protected Transport newTransport() {
        return NettyTransport.newBuilder().eventLoopThreads(1).preferNative(false).build();
    }
}
