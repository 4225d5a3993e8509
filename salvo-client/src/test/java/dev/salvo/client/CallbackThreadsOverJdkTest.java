package dev.salvo.client;

import dev.salvo.client.contract.CallbackThreadContract;

/** {@link CallbackThreadContract} over the default JDK transport (its threads are named {@code HttpClient-…}). */
class CallbackThreadsOverJdkTest extends CallbackThreadContract {
    @Override
    protected Salvo.Builder client() {
        return Salvo.newBuilder();
    }

    @Override
    protected boolean isIoThread(Thread thread) {
        return thread.getName().startsWith("HttpClient-");
    }
}
