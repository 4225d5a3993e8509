package dev.salvo.bench.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The count of one kind of error and the first few distinct messages with their own counts;
 * later new messages only add to the total, so a run with a million distinct messages stays small.
 */
final class ErrorSamples {
    static final int MAX_MESSAGES = 5;
    private static final int MAX_MESSAGE_LENGTH = 200;

    private final LongAdder count = new LongAdder();
    private final Map<String, LongAdder> messages = new ConcurrentHashMap<>();

    void add(String message) {
        count.increment();
        String text = message.length() > MAX_MESSAGE_LENGTH ? message.substring(0, MAX_MESSAGE_LENGTH) + "…" : message;
        LongAdder perMessage = messages.get(text);
        if (perMessage == null && messages.size() < MAX_MESSAGES) {
            perMessage = messages.computeIfAbsent(text, m -> new LongAdder());
        }
        if (perMessage != null) {
            perMessage.increment();
        }
    }

    long count() {
        return count.sum();
    }

    /** Message → count, most frequent first. */
    Map<String, Long> messages() {
        Map<String, Long> sorted = new LinkedHashMap<>();
        messages.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue().sum()));
        return Collections.unmodifiableMap(sorted);
    }
}
