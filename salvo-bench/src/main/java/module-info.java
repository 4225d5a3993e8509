/** Salvo's load generator; only {@code dev.salvo.bench} is exported. */
module dev.salvo.bench {
    requires transitive dev.salvo.client;
    requires dev.salvo.netty;
    requires HdrHistogram;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports dev.salvo.bench;
}
