package dev.salvo.client;

import dev.salvo.client.contract.CallbackThreadContract;

/**
 * {@link CallbackThreadContract} over the default JDK transport: its selector is named
 * {@code HttpClient-…}, the virtual threads its tasks run on {@code salvo-jdk}.
 */
class CallbackThreadsOverJdkTest extends CallbackThreadContract {
    @Override
    protected Salvo.Builder client() {
        return Salvo.newBuilder();
    }

    @Override
    protected boolean isIoThread(Thread thread) {
        return thread.getName().startsWith("HttpClient-") || thread.getName().equals("salvo-jdk");
    }
}
