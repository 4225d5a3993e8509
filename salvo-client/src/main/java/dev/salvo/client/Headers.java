package dev.salvo.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, ordered list of HTTP header fields. Names are matched without regard to case and
 * kept as given; a name may repeat. Names must be HTTP tokens and values must not contain CR, LF
 * or NUL, so a header can never smuggle a second header or a second request.
 */
public final class Headers {
    private static final Headers EMPTY = new Headers(new String[0]);
    /** Which ASCII characters are token characters: one look-up per character of every name checked. */
    private static final boolean[] TOKEN = new boolean[128];

    static {
        for (char c = 0; c < TOKEN.length; c++) {
            TOKEN[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        }
    }

    /** name0, value0, name1, value1, … */
    private final String[] namesAndValues;

    private Headers(String[] namesAndValues) {
        this.namesAndValues = namesAndValues;
    }

    /** No headers. */
    public static Headers empty() {
        return EMPTY;
    }

    /**
     * Headers from alternating names and values: {@code Headers.of("Accept", "text/plain", "X-Id", "7")}.
     *
     * @throws IllegalArgumentException on an odd count, a bad name or a value with CR/LF/NUL
     */
    public static Headers of(String... namesAndValues) {
        Objects.requireNonNull(namesAndValues, "namesAndValues");
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected name/value pairs, got an odd count: " + namesAndValues.length);
        }
        Builder builder = newBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding these headers, to add or replace some. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        if (namesAndValues.length > builder.namesAndValues.length) {
            builder.namesAndValues = new String[namesAndValues.length * 2];
        }
        System.arraycopy(namesAndValues, 0, builder.namesAndValues, 0, namesAndValues.length);
        builder.size = namesAndValues.length;
        return builder;
    }

    /** These headers with the fields named {@code name} replaced by this one, at the end (as {@link Builder#set}). */
    Headers with(String name, String value) {
        checkField(name, value);
        int kept = 0;
        String[] copy = new String[namesAndValues.length + 2];
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!namesAndValues[i].equalsIgnoreCase(name)) {
                copy[kept++] = namesAndValues[i];
                copy[kept++] = namesAndValues[i + 1];
            }
        }
        copy[kept++] = name;
        copy[kept++] = value.strip();
        return new Headers(kept == copy.length ? copy : Arrays.copyOf(copy, kept));
    }

    public int size() {
        return namesAndValues.length / 2;
    }

    public boolean isEmpty() {
        return namesAndValues.length == 0;
    }

    /** The name of the {@code index}-th field, as given. */
    public String name(int index) {
        return namesAndValues[index * 2];
    }

    /** The value of the {@code index}-th field. */
    public String value(int index) {
        return namesAndValues[index * 2 + 1];
    }

    /** The first value of {@code name}, if any. */
    public Optional<String> first(String name) {
        return Optional.ofNullable(firstOrNull(Objects.requireNonNull(name, "name")));
    }

    /** The first value of {@code name}, null when absent: for the body path, which asks once per response. */
    String firstOrNull(String name) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i].equalsIgnoreCase(name)) {
                return namesAndValues[i + 1];
            }
        }
        return null;
    }

    /** Every value of {@code name}, in order; empty when absent. */
    public List<String> all(String name) {
        Objects.requireNonNull(name, "name");
        List<String> values = new ArrayList<>(2);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i].equalsIgnoreCase(name)) {
                values.add(namesAndValues[i + 1]);
            }
        }
        return List.copyOf(values);
    }

    /** The distinct names, lower-cased, in first-seen order. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            names.add(namesAndValues[i].toLowerCase(Locale.ROOT));
        }
        return Collections.unmodifiableSet(names);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Headers headers && Arrays.equals(namesAndValues, headers.namesAndValues);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(namesAndValues);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Headers[");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(namesAndValues[i]).append(": ").append(namesAndValues[i + 1]);
        }
        return text.append(']').toString();
    }

    /** Checks one header field; throws IAE with a message naming the fault. */
    static void checkField(String name, String value) {
        Objects.requireNonNull(name, "header name");
        if (value == null) {
            throw new NullPointerException("value of header " + name);
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("header name is empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isTokenChar(c)) {
                throw new IllegalArgumentException(String.format(
                        "header name %s has a character not allowed in a token at %d: 0x%02x", quote(name), i, (int) c));
            }
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException(String.format(
                        "value of header %s has a forbidden character at %d: 0x%02x (CR, LF and NUL are not allowed)",
                        name, i, (int) c));
            }
        }
    }

    /** RFC 9110 token characters. */
    static boolean isTokenChar(char c) {
        return c < TOKEN.length && TOKEN[c];
    }

    private static String quote(String s) {
        return '"' + s.replace("\r", "\\r").replace("\n", "\\n") + '"';
    }

    /** Collects header fields; not thread-safe. */
    public static final class Builder {
        /** name0, value0, …: the first {@code size} slots are used. */
        private String[] namesAndValues = new String[16];
        private int size;

        private Builder() {
        }

        /** Adds a field, keeping any others of the same name. */
        public Builder add(String name, String value) {
            checkField(name, value);
            if (size == namesAndValues.length) {
                namesAndValues = Arrays.copyOf(namesAndValues, size * 2);
            }
            namesAndValues[size++] = name;
            namesAndValues[size++] = value.strip();
            return this;
        }

        /** Replaces every field named {@code name} with this one. */
        public Builder set(String name, String value) {
            checkField(name, value);
            remove(name);
            return add(name, value);
        }

        /** Removes every field named {@code name}. */
        public Builder remove(String name) {
            Objects.requireNonNull(name, "name");
            int kept = 0;
            for (int i = 0; i < size; i += 2) {
                if (!namesAndValues[i].equalsIgnoreCase(name)) {
                    namesAndValues[kept++] = namesAndValues[i];
                    namesAndValues[kept++] = namesAndValues[i + 1];
                }
            }
            Arrays.fill(namesAndValues, kept, size, null);
            size = kept;
            return this;
        }

        public Headers build() {
            return size == 0 ? EMPTY : new Headers(Arrays.copyOf(namesAndValues, size));
        }
    }
}
