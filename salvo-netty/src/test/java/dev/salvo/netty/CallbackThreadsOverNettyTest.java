package dev.salvo.netty;

import dev.salvo.client.Salvo;
import dev.salvo.client.contract.CallbackThreadContract;
import io.netty.util.concurrent.FastThreadLocalThread;

/** {@link CallbackThreadContract} over the Netty transport: no stage on an event loop. */
class CallbackThreadsOverNettyTest extends CallbackThreadContract {
    @Override
    protected Salvo.Builder client() {
        return Salvo.newBuilder().transport(NettyTransport.newBuilder().eventLoopThreads(1).build());
    }

    @Override
    protected boolean isIoThread(Thread thread) {
        return thread instanceof FastThreadLocalThread || thread.getName().startsWith("salvo-netty");
    }
}
