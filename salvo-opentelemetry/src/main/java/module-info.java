/** OpenTelemetry tracing for the Salvo client; only {@code dev.salvo.opentelemetry} is exported. */
module dev.salvo.opentelemetry {
    requires transitive dev.salvo.client;
    requires transitive io.opentelemetry.api;
    requires transitive io.opentelemetry.context;

    exports dev.salvo.opentelemetry;
}
