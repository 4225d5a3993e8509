package dev.salvo.cli.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SaveProgressTest {
    @Test
    void oneFileShowsBytesOfTheAnnouncedLengthRateAndTimeLeft() {
        SaveProgress progress = new SaveProgress(1);
        assertTrue(progress.status().matches("0 B  0 B/s"), progress.status());
        progress.expect(2_000_000);
        progress.received(500_000);
        progress.received(500_000);
        String half = progress.status();
        assertTrue(half.matches("\\[#{10}\\.{10}] 1\\.0 MB/2\\.0 MB  [\\d.]+ [kMG]?B/s  \\d+:\\d\\d left"), half);
    }

    @Test
    void severalFilesShowFilesDoneBytesAndTimeLeft() {
        SaveProgress progress = new SaveProgress(4);
        progress.received(1_500);
        progress.finished();
        String line = progress.status();
        assertTrue(line.matches("\\[#{5}\\.{15}] 1/4 files  1\\.5 kB  [\\d.]+ [kMG]?B/s  \\d+:\\d\\d left"), line);
    }

    @Test
    void sizesInDecimalUnits() {
        assertEquals("999 B", SaveProgress.size(999));
        assertEquals("1.0 kB", SaveProgress.size(1000));
        assertEquals("1.1 GB", SaveProgress.size(1_073_741_824));
    }
}
