package dev.salvo.server.internal.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A route's path: literal segments, {@code {name}} for one segment, a trailing {@code **} for the
 * rest (possibly empty, captured as {@code "**"}). Immutable and thread-safe.
 */
final class PathPattern {
    private final String text;
    private final String[] segments;
    private final boolean rest;

    PathPattern(String text) {
        this.text = text;
        List<String> parts = PathPattern.split(text);
        this.rest = !parts.isEmpty() && parts.getLast().equals("**");
        if (rest) {
            parts = parts.subList(0, parts.size() - 1);
        }
        this.segments = parts.toArray(String[]::new);
    }

    boolean isLiteral() {
        if (rest) {
            return false;
        }
        for (String s : segments) {
            if (s.startsWith("{")) {
                return false;
            }
        }
        return true;
    }

    String text() {
        return text;
    }

    /** The captured variables, or {@code null} when the path does not match. */
    Map<String, String> match(List<String> path) {
        if (path.size() < segments.length || (!rest && path.size() != segments.length)) {
            return null;
        }
        Map<String, String> vars = new HashMap<>(4);
        for (int i = 0; i < segments.length; i++) {
            String want = segments[i];
            String got = path.get(i);
            if (want.startsWith("{")) {
                vars.put(want.substring(1, want.length() - 1), got);
            } else if (!want.equals(got)) {
                return null;
            }
        }
        if (rest) {
            vars.put("**", String.join("/", path.subList(segments.length, path.size())));
        }
        return vars;
    }

    /** Splits a decoded path into its non-empty segments ({@code "/a//b/"} → a, b). */
    static List<String> split(String path) {
        List<String> out = new java.util.ArrayList<>(4);
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                if (i > start) {
                    out.add(path.substring(start, i));
                }
                start = i + 1;
            }
        }
        return out;
    }
}
