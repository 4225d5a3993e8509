package dev.salvo.cli.fetch;

import dev.salvo.cli.common.BadInputException;
import java.util.Locale;

/** A {@code --rate} value: {@code 20}, {@code 20/s}, {@code 600/min}, {@code 3600/h}, as requests a second. */
final class Rate {
    private Rate() {
    }

    static double perSecond(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        int slash = t.indexOf('/');
        String count = slash < 0 ? t : t.substring(0, slash);
        String unit = slash < 0 ? "s" : t.substring(slash + 1);
        double seconds = switch (unit) {
            case "s", "sec", "second" -> 1;
            case "m", "min", "minute" -> 60;
            case "h", "hour" -> 3600;
            default -> throw new BadInputException("--rate '" + text + "': the unit must be s, min or h, as in 20/s");
        };
        double n;
        try {
            n = Double.parseDouble(count);
        } catch (NumberFormatException e) {
            throw new BadInputException("--rate '" + text + "' is not a rate: expected N or N/s, N/min, N/h, as in 20/s");
        }
        if (!(n > 0) || Double.isInfinite(n)) {
            throw new BadInputException("--rate must be more than 0, got '" + text + "'");
        }
        return n / seconds;
    }
}
