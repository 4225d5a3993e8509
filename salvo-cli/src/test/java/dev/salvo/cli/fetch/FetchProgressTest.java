package dev.salvo.cli.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FetchProgressTest {
    @Test
    void showsABarDoneOfTotalFailedRateAndTimeLeft() {
        FetchProgress progress = new FetchProgress(10);
        assertTrue(progress.status().startsWith("[....................] 0/10  0 failed  0/s"), progress.status());
        for (int i = 0; i < 5; i++) {
            progress.finished(i != 0);
        }
        String half = progress.status();
        assertTrue(half.matches("\\[#{10}\\.{10}] 5/10  1 failed  \\d+/s  \\d+:\\d\\d left"), half);
        for (int i = 0; i < 5; i++) {
            progress.finished(true);
        }
        assertTrue(progress.status().matches("\\[#{20}] 10/10  1 failed  \\d+/s  0:00 left"), progress.status());
    }

    @Test
    void anEmptyListIsDone() {
        assertEquals("[####################] 0/0  0 failed  0/s", new FetchProgress(0).status());
    }
}
