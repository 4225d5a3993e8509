package dev.salvo.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The failures of one {@link ErrorKind}: how many, and the first few distinct messages with their
 * counts, most frequent first (later new messages count only towards the total).
 */
public record ErrorSummary(long count, Map<String, Long> messages) {
    public ErrorSummary {
        messages = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(messages, "messages")));
    }
}
