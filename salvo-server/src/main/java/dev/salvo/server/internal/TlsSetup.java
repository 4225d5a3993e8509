package dev.salvo.server.internal;

import dev.salvo.server.ServerTls;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS side of a connection on a TLS port: Netty's {@link SslHandler} (the JDK's TLS, the
 * handshake bounded by the head timeout) offering {@code h2} then {@code http/1.1} by ALPN, then a
 * one-shot handler that, once the handshake is done, installs the HTTP/2 handlers for {@code h2}
 * and the HTTP/1.1 ones otherwise (a client that sends no ALPN gets HTTP/1.1). A failed handshake
 * (an untrusting client, plain HTTP sent to the port, a timeout) closes the connection with a
 * debug line, never a stack trace. The context is built once per server; thread-safe.
 */
final class TlsSetup {
    private static final Logger LOG = LoggerFactory.getLogger(TlsSetup.class);

    private final SslContext context;
    private final long handshakeTimeoutMillis;

    TlsSetup(ServerTls tls, Duration handshakeTimeout) {
        this.handshakeTimeoutMillis = handshakeTimeout.toMillis();
        try {
            this.context = SslContextBuilder.forServer(tls.privateKey(), tls.certificateChain().toArray(X509Certificate[]::new))
                    .sslProvider(SslProvider.JDK)
                    .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1))
                    .build();
        } catch (SSLException e) {
            throw new IllegalArgumentException("cannot serve TLS with " + tls + ": " + e.getMessage(), e);
        }
    }

    /** Adds the TLS handler and the protocol choice at the end of a new connection's pipeline. */
    void addTo(ChannelPipeline pipeline, HttpPipeline http1, Http2Setup http2) {
        SslHandler ssl = context.newHandler(pipeline.channel().alloc());
        ssl.setHandshakeTimeoutMillis(handshakeTimeoutMillis);
        pipeline.addLast("tls", ssl).addLast("alpn", new ProtocolChoice(http1, http2));
    }

    /** Replaced, after the handshake, by the handlers of the protocol ALPN chose. Confined to its connection's event loop. */
    private static final class ProtocolChoice extends ApplicationProtocolNegotiationHandler {
        private final HttpPipeline http1;
        private final Http2Setup http2;

        ProtocolChoice(HttpPipeline http1, Http2Setup http2) {
            super(ApplicationProtocolNames.HTTP_1_1);
            this.http1 = http1;
            this.http2 = http2;
        }

        @Override
        protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
            if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                http2.addTo(ctx.pipeline());
            } else {
                http1.addHttp1(ctx.pipeline());
            }
        }

        @Override
        protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("TLS handshake with {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("TLS connection {} failed before its protocol was chosen: {}", ctx.channel(), cause.toString());
            ctx.close();
        }
    }
}
