/** Salvo's embedded HTTP server; only {@code dev.salvo.server} is exported. */
module dev.salvo.server {
    requires com.fasterxml.jackson.databind;
    requires io.netty.buffer;
    requires io.netty.codec;
    requires io.netty.codec.http;
    requires io.netty.codec.http2;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport;
    requires io.netty.transport.classes.epoll;
    requires java.management;
    requires jdk.management;
    requires org.slf4j;

    exports dev.salvo.server;
}
