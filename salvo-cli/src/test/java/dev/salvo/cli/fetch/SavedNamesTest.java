package dev.salvo.cli.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedNamesTest {
    @Test
    void theLastSegmentMadeSafe() {
        assertEquals("report.pdf", SavedNames.nameOf(URI.create("http://h/docs/report.pdf?x=1")));
        assertEquals("index.html", SavedNames.nameOf(URI.create("http://h/docs/")));
        assertEquals("index.html", SavedNames.nameOf(URI.create("http://h")));
        assertEquals("_.", SavedNames.nameOf(URI.create("http://h/a/%2E%2E")));
        assertEquals("_bashrc", SavedNames.nameOf(URI.create("http://h/.bashrc")));
        assertEquals("passwd", SavedNames.nameOf(URI.create("http://h/..%2F..%2Fetc%2Fpasswd")));
        assertEquals("a_b_c_d", SavedNames.nameOf(URI.create("http://h/a%5Cb%00c%20d")));
        assertEquals("caf\u00e9.txt", SavedNames.nameOf(URI.create("http://h/caf%C3%A9.txt")));
        String longName = SavedNames.nameOf(URI.create("http://h/" + "x".repeat(500) + ".tar.gz"));
        assertEquals(SavedNames.MAX_LENGTH, longName.length());
        assertTrue(longName.endsWith("x.gz"), longName);
    }

    @Test
    void clashesOnDiskOrInTheRunGetANumber(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "");
        Files.createSymbolicLink(dir.resolve("b.txt"), dir.resolve("nowhere"));
        SavedNames names = new SavedNames(dir);
        assertEquals(dir.resolve("a-1.txt"), names.claim(URI.create("http://h/a.txt")));
        assertEquals(dir.resolve("a-2.txt"), names.claim(URI.create("http://other/x/a.txt")));
        assertEquals(dir.resolve("b-1.txt"), names.claim(URI.create("http://h/b.txt")), "a dangling link is taken too");
        assertEquals(dir.resolve("c"), names.claim(URI.create("http://h/c")));
        assertEquals(dir.resolve("c-1"), names.claim(URI.create("http://h/c")));
    }
}
