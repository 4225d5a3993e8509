/** Micrometer metrics for the Salvo client; only {@code dev.salvo.micrometer} is exported. */
module dev.salvo.micrometer {
    requires transitive dev.salvo.client;
    requires transitive micrometer.core;

    exports dev.salvo.micrometer;
}
