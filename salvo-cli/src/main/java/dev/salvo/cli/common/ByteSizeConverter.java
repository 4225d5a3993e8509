package dev.salvo.cli.common;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a size flag: {@code 1048576}, {@code 64k}/{@code 64KiB}, {@code 1m}/{@code 1MiB} (powers of 1024). */
public final class ByteSizeConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT).replace("ib", "").replace("b", "");
        long unit = 1;
        if (text.endsWith("k")) {
            unit = 1024;
        } else if (text.endsWith("m")) {
            unit = 1024 * 1024;
        } else if (text.endsWith("g")) {
            unit = 1024L * 1024 * 1024;
        }
        String number = unit == 1 ? text : text.substring(0, text.length() - 1);
        try {
            long bytes = Long.parseLong(number.strip()) * unit;
            if (bytes <= 0 || bytes > Integer.MAX_VALUE) {
                throw new TypeConversionException("'" + value + "' must be between 1 byte and 2 GiB");
            }
            return (int) bytes;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a size (examples: 1048576, 64k, 1MiB)");
        }
    }
}
