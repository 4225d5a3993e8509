/** Salvo's Netty transport; only {@code dev.salvo.netty} is exported. */
module dev.salvo.netty {
    requires transitive dev.salvo.client;
    requires io.netty.buffer;
    requires io.netty.codec;
    requires io.netty.codec.http;
    requires io.netty.codec.http2;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.resolver;
    requires io.netty.transport;
    requires io.netty.transport.classes.epoll;
    requires org.slf4j;

    exports dev.salvo.netty;
}
