package dev.salvo.client;

/** The HTTP version a response came on; {@link #toString()} gives its name on the wire. */
public enum HttpVersion {
    HTTP_1_1("HTTP/1.1"),
    HTTP_2("HTTP/2");

    private final String text;

    HttpVersion(String text) {
        this.text = text;
    }

    /** {@code "HTTP/1.1"} or {@code "HTTP/2"}. */
    @Override
    public String toString() {
        return text;
    }
}
