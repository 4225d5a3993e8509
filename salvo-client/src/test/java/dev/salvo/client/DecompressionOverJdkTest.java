package dev.salvo.client;

import dev.salvo.client.contract.DecompressionContract;

/** {@link DecompressionContract} over the default JDK transport. */
class DecompressionOverJdkTest extends DecompressionContract {
    @Override
    protected Salvo.Builder client() {
        return Salvo.newBuilder();
    }
}
