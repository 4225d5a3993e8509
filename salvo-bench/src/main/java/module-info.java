/** Salvo's load generator; only {@code dev.salvo.bench} is exported. */
module dev.salvo.bench {
    requires transitive dev.salvo.client;
    requires dev.salvo.netty;
    requires HdrHistogram;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.csv;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.slf4j;

    exports dev.salvo.bench;
}
