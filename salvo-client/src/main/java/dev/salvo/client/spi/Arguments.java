package dev.salvo.client.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * The one way Salvo's builders check their arguments, shared by every module (client, transports,
 * bench, flink): a misuse fails at once with IllegalArgumentException (NullPointerException for
 * null) naming the setting and the value. Stateless.
 */
public final class Arguments {
    private Arguments() {
    }

    /** {@code value} when it is above zero. */
    public static int requirePositive(int value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
        return value;
    }

    /** {@code value} when it is above zero. */
    public static long requirePositive(long value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
        return value;
    }

    /** {@code value} when it is not null and above zero. */
    public static Duration requirePositive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
        return value;
    }

    /** {@code value} when it is not negative. */
    public static int requireNonNegative(int value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + value);
        }
        return value;
    }

    /** {@code value} when it is not null and not negative. */
    public static Duration requireNonNegative(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, got " + value);
        }
        return value;
    }
}
