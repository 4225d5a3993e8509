package dev.salvo.client;

/** The JDK HttpClient transport passes the transport contract. */
class JdkTransportTest extends TransportContract {
    @Override
    protected Transport newTransport() {
        return Transports.jdk();
    }
}
