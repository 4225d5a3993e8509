package dev.salvo.cli.fetch;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * File names for {@code salvo fetch -O DIR}: the URL's last path segment made safe (letters, digits,
 * {@code . - _}; no separator, no leading dot, so never {@code ..} or a hidden file; at most
 * {@value #MAX_LENGTH} characters), {@code index.html} for a path ending in {@code /}. A name already
 * on disk or already given in this run gets {@code -1}, {@code -2}, … before its extension: nothing is
 * overwritten. Thread-safe.
 */
final class SavedNames {
    static final int MAX_LENGTH = 120;
    private static final String EMPTY = "index.html";

    private final Path dir;
    private final Set<String> given = new HashSet<>();

    SavedNames(Path dir) {
        this.dir = dir;
    }

    /** A path in the directory, free on disk and not given before, for {@code uri}'s body. */
    synchronized Path claim(URI uri) {
        String name = nameOf(uri);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        String candidate = name;
        for (int n = 1; given.contains(candidate) || Files.exists(dir.resolve(candidate), LinkOption.NOFOLLOW_LINKS); n++) {
            candidate = stem + "-" + n + extension;
        }
        given.add(candidate);
        return dir.resolve(candidate);
    }

    /** The safe name for {@code uri}, before collisions are considered. */
    static String nameOf(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String segment = path.substring(path.lastIndexOf('/') + 1);
        StringBuilder safe = new StringBuilder(segment.length());
        segment.codePoints().forEach(c -> safe.append(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_'
                ? Character.toString(c) : "_"));
        if (!safe.isEmpty() && safe.charAt(0) == '.') {
            safe.setCharAt(0, '_');
        }
        String name = safe.isEmpty() ? EMPTY : safe.toString();
        if (name.length() > MAX_LENGTH) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
            name = name.substring(0, MAX_LENGTH - extension.length()) + extension;
        }
        return name;
    }
}
