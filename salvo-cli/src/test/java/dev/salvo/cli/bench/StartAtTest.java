package dev.salvo.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class StartAtTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-02T17:30:00Z"), ZoneId.of("Europe/Paris"));

    @Test
    void everyFormNamesTheSameMoment() {
        Instant at = Instant.parse("2026-12-02T18:00:00Z");
        assertEquals(at, StartAt.parse("2026-12-02T18:00:00Z", NOW));
        assertEquals(at, StartAt.parse("2026-12-02T19:00:00+01:00", NOW));
        assertEquals(at, StartAt.parse("2026-12-02T19:00:00", NOW), "local date-time, in the clock's zone");
        assertEquals(at, StartAt.parse("19:00", NOW), "local time today");
        assertEquals(at, StartAt.parse("19:00:00", NOW));
        assertEquals(at, StartAt.parse("@" + at.getEpochSecond(), NOW));
        assertEquals(Instant.parse("2026-12-02T17:29:59.500Z"), StartAt.parse("2026-12-02T17:29:59.500Z", NOW),
                "half a second ago is tolerated (clocks a little apart)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"18:00", "2026-12-02T17:29:58Z", "2026-12-03T17:31:00Z", "soon", "25:00", "@x", "@-1",
        "2026-13-01T00:00:00Z", ""})
    void pastFarOrMalformedTimesAreRefusedWithTheValue(String value) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> StartAt.parse(value, NOW));
        assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
    }

    @Test
    void waitingEndsAtTheTimeOrWhenCancelled() throws Exception {
        Instant soon = Instant.now().plusMillis(300);
        assertTrue(StartAt.await(soon, new CountDownLatch(1)));
        assertFalse(Instant.now().isBefore(soon), "not before the time");

        CountDownLatch cancel = new CountDownLatch(1);
        cancel.countDown();
        assertFalse(StartAt.await(Instant.now().plusSeconds(3600), cancel), "Ctrl-C ends the wait at once");
    }
}
