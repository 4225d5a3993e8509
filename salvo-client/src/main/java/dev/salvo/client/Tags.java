package dev.salvo.client;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** A request's tags (see {@link Request#tag}): at most one value per type. Immutable: a new tag makes new tags. */
final class Tags {
    static final Tags NONE = new Tags(new Object[0]);

    /** type0, value0, type1, value1, … */
    private final Object[] typesAndValues;

    private Tags(Object[] typesAndValues) {
        this.typesAndValues = typesAndValues;
    }

    <T> Optional<T> get(Class<T> type) {
        Objects.requireNonNull(type, "type");
        for (int i = 0; i < typesAndValues.length; i += 2) {
            if (typesAndValues[i] == type) {
                return Optional.of(type.cast(typesAndValues[i + 1]));
            }
        }
        return Optional.empty();
    }

    /** These tags with {@code tag} as the one of {@code type}. */
    Tags with(Class<?> type, Object tag) {
        Objects.requireNonNull(type, "type");
        if (!type.isInstance(Objects.requireNonNull(tag, "tag"))) {
            throw new IllegalArgumentException("tag " + tag + " is not a " + type.getName());
        }
        Object[] copy = new Object[typesAndValues.length + 2];
        int kept = 0;
        for (int i = 0; i < typesAndValues.length; i += 2) {
            if (typesAndValues[i] != type) {
                copy[kept++] = typesAndValues[i];
                copy[kept++] = typesAndValues[i + 1];
            }
        }
        copy[kept++] = type;
        copy[kept++] = tag;
        return new Tags(kept == copy.length ? copy : Arrays.copyOf(copy, kept));
    }
}
