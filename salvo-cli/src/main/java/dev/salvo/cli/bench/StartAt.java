package dev.salvo.cli.bench;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --start-at TIME}: the wall-clock moment a run starts, so that several machines start
 * together. TIME is an ISO-8601 instant with an offset ({@code 2026-12-02T18:00:00Z},
 * {@code …+01:00}), a local date-time ({@code 2026-12-02T18:00:00}), a local time today
 * ({@code 18:00}, {@code 18:00:30}), or {@code @EPOCH_SECONDS}. It must lie within the next 24
 * hours (a second in the past is tolerated, for clocks a little apart).
 */
final class StartAt {
    static final Duration FURTHEST = Duration.ofHours(24);
    private static final Duration TOLERATED_PAST = Duration.ofSeconds(1);

    private StartAt() {
    }

    /** Reads the flag's value with the system clock. */
    static final class Converter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            return parse(value, Clock.systemDefaultZone());
        }
    }

    static Instant parse(String value, Clock clock) {
        String text = value.strip();
        Instant at;
        try {
            if (text.startsWith("@")) {
                at = Instant.ofEpochSecond(Long.parseLong(text.substring(1)));
            } else if (text.contains("T") && (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$"))) {
                at = OffsetDateTime.parse(text).toInstant();
            } else if (text.contains("T")) {
                at = LocalDateTime.parse(text).atZone(clock.getZone()).toInstant();
            } else {
                at = ZonedDateTime.of(LocalDate.now(clock), LocalTime.parse(text), clock.getZone()).toInstant();
            }
        } catch (DateTimeException | NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a time; give 18:00:00, 2026-12-02T18:00:00Z"
                    + " or @1764698400");
        }
        Instant now = clock.instant();
        if (at.isBefore(now.minus(TOLERATED_PAST))) {
            throw new TypeConversionException("'" + value + "' is in the past (now is " + now + ")");
        }
        if (at.isAfter(now.plus(FURTHEST))) {
            throw new TypeConversionException("'" + value + "' is more than 24 hours ahead");
        }
        return at;
    }

    /**
     * Waits until {@code at} or until {@code cancel} is counted down; true when the time came.
     * Sleeps in slices so the wall clock is re-read (and a clock step is followed).
     */
    static boolean await(Instant at, CountDownLatch cancel) throws InterruptedException {
        while (true) {
            long left = Duration.between(Instant.now(), at).toNanos();
            if (left <= 0) {
                return true;
            }
            if (cancel.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
    }
}
