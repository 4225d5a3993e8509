package dev.salvo.cli.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.salvo.cli.common.Elapsed;
import dev.salvo.client.CallEvent;
import dev.salvo.client.CallEvent.Phase;
import dev.salvo.client.Request;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a call's events become a bar and its parts. */
class TimelineTest {
    private static final long MS = 1_000_000;
    private final Request request = Request.get("http://127.0.0.1:1/x");

    private void at(Timeline timeline, long base, Phase phase, long ms) {
        timeline.onEvent(new CallEvent(phase, 1, request, base + ms * MS, 1, 0, Optional.empty()));
    }

    @Test
    void theTransportsPhasesSplitTheBarIntoConnectTlsWaitAndBody() {
        Timeline timeline = new Timeline("t");
        long base = System.nanoTime() + 1000 * MS; // after the timeline's origin
        at(timeline, base, Phase.QUEUED, 0);
        at(timeline, base, Phase.STARTED, 2);
        at(timeline, base, Phase.DNS_START, 3);
        at(timeline, base, Phase.DNS_END, 4);
        at(timeline, base, Phase.CONNECT_START, 4);
        at(timeline, base, Phase.CONNECT_END, 10);
        at(timeline, base, Phase.TLS_START, 10);
        at(timeline, base, Phase.TLS_END, 30);
        at(timeline, base, Phase.CONNECTION_ACQUIRED, 30);
        at(timeline, base, Phase.REQUEST_HEADERS_SENT, 31);
        at(timeline, base, Phase.RESPONSE_FIRST_BYTE, 131);
        at(timeline, base, Phase.RESPONSE_HEADERS, 132);
        at(timeline, base, Phase.RESPONSE_BODY_RECEIVED, 150);
        at(timeline, base, Phase.COMPLETED, 151);
        Bar bar = timeline.finish(new Elapsed(151 * MS)).bars().get(0);
        long s = bar.started();
        assertEquals(149 * MS, bar.ended() - s);
        assertEquals(List.of(new Bar.Segment(Bar.Part.CONNECT, s + MS, s + 8 * MS),
                new Bar.Segment(Bar.Part.TLS, s + 8 * MS, s + 28 * MS),
                new Bar.Segment(Bar.Part.WAIT, s + 29 * MS, s + 129 * MS),
                new Bar.Segment(Bar.Part.BODY, s + 129 * MS, s + 148 * MS)), bar.segments());
    }

    @Test
    void withoutTransportPhasesTheBarSplitsIntoWaitAndBodyAtTheHeaders() {
        Timeline timeline = new Timeline("t");
        long base = System.nanoTime() + 1000 * MS;
        at(timeline, base, Phase.QUEUED, 0);
        at(timeline, base, Phase.STARTED, 0);
        at(timeline, base, Phase.RESPONSE_HEADERS, 40);
        at(timeline, base, Phase.COMPLETED, 50);
        Bar bar = timeline.finish(new Elapsed(50 * MS)).bars().get(0);
        long s = bar.started();
        assertEquals(List.of(new Bar.Segment(Bar.Part.WAIT, s, s + 40 * MS), new Bar.Segment(Bar.Part.BODY, s + 40 * MS, s + 50 * MS)),
                bar.segments());
    }

    @Test
    void aCallRecordedByHandHasNoParts() {
        Timeline timeline = new Timeline("t");
        long now = System.nanoTime();
        timeline.record("GET x", now, now + MS, now + 5 * MS, false);
        assertEquals(List.of(), timeline.finish(new Elapsed(5 * MS)).bars().get(0).segments());
    }
}
