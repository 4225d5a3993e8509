package dev.salvo.cli.timeline;

import java.util.List;
import java.util.Objects;

/**
 * One request of a run, its times in nanoseconds since the run began.
 *
 * @param label    what was requested, e.g. {@code GET http://127.0.0.1:8000/delay/1}
 * @param queued   when the call was made
 * @param started  when it got its slot and went to the transport (queued time is {@code started - queued})
 * @param ended    when it completed or failed
 * @param failed   true when it ended in a failure
 * @param segments the parts of its running time the events told apart, in time order, within
 *                 {@code started}–{@code ended}; empty when none did
 * @param protocol the protocol its response came on ({@code "HTTP/1.1"}, {@code "HTTP/2"}); empty when unknown
 */
public record Bar(String label, long queued, long started, long ended, boolean failed, List<Segment> segments, String protocol) {
    public Bar {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(protocol, "protocol");
        if (queued < 0 || started < queued || ended < started) {
            throw new IllegalArgumentException("times must be 0 <= queued <= started <= ended, got "
                    + queued + ", " + started + ", " + ended);
        }
        segments = List.copyOf(segments);
        for (Segment segment : segments) {
            if (segment.from() < started || segment.to() > ended) {
                throw new IllegalArgumentException(segment + " lies outside " + started + "–" + ended);
            }
        }
    }

    /** A bar whose running time is not split into parts, its protocol unknown. */
    public Bar(String label, long queued, long started, long ended, boolean failed) {
        this(label, queued, started, ended, failed, List.of(), "");
    }

    /** A bar whose protocol is unknown. */
    public Bar(String label, long queued, long started, long ended, boolean failed, List<Segment> segments) {
        this(label, queued, started, ended, failed, segments, "");
    }

    /** What a part of a request's running time was spent on. */
    public enum Part {
        /** Resolving the name and opening the TCP connection (DNS_START or CONNECT_START to CONNECT_END). */
        CONNECT("connect"),
        /** The TLS handshake. */
        TLS("TLS"),
        /** The request sent, waiting for the server's first byte (or its headers, when the transport does not say). */
        WAIT("waiting for the server"),
        /** The response's headers and body arriving, to the end of the body. */
        BODY("response body");

        private final String words;

        Part(String words) {
            this.words = words;
        }

        /** How the legend names it. */
        public String words() {
            return words;
        }
    }

    /**
     * One part of a bar.
     *
     * @param part what the time went to
     * @param from its start, nanoseconds since the run began
     * @param to   its end, not before {@code from}
     */
    public record Segment(Part part, long from, long to) {
        public Segment {
            Objects.requireNonNull(part, "part");
            if (to < from) {
                throw new IllegalArgumentException("a segment ends before it starts: " + from + "–" + to);
            }
        }
    }
}
