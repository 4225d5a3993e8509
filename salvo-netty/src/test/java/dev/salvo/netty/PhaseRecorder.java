package dev.salvo.netty;

import dev.salvo.client.CallEvent;
import dev.salvo.client.CallEvent.Phase;
import dev.salvo.client.EventListener;
import dev.salvo.client.contract.Await;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event of a client, for the phase tests; {@link #of} waits until a call has ended. */
final class PhaseRecorder implements EventListener {
    private final List<CallEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(CallEvent event) {
        events.add(event);
    }

    /** The events of the {@code n}-th call (from 1, in the order they started), once it completed or failed. */
    List<CallEvent> of(int n) {
        Await.until("call " + n + " ended", () -> ids().size() >= n && ended(ids().get(n - 1)));
        long id = ids().get(n - 1);
        return events.stream().filter(e -> e.requestId() == id).toList();
    }

    /** The phases of the {@code n}-th call. */
    List<Phase> phasesOf(int n) {
        return of(n).stream().map(CallEvent::phase).toList();
    }

    /** The first event of {@code phase} in {@code events}. */
    static CallEvent first(List<CallEvent> events, Phase phase) {
        return events.stream().filter(e -> e.phase() == phase).findFirst()
                .orElseThrow(() -> new AssertionError("no " + phase + " in " + events));
    }

    private List<Long> ids() {
        return events.stream().map(CallEvent::requestId).distinct().toList();
    }

    private boolean ended(long id) {
        return events.stream().anyMatch(e -> e.requestId() == id && (e.phase() == Phase.COMPLETED || e.phase() == Phase.FAILED));
    }
}
