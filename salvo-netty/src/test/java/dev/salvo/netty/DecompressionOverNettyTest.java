package dev.salvo.netty;

import dev.salvo.client.Salvo;
import dev.salvo.client.contract.DecompressionContract;

/** {@link DecompressionContract} over the Netty transport. */
class DecompressionOverNettyTest extends DecompressionContract {
    @Override
    protected Salvo.Builder client() {
        return Salvo.newBuilder().transport(NettyTransport.newBuilder().eventLoopThreads(1).build());
    }
}
