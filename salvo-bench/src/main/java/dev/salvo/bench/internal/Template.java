package dev.salvo.bench.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ${name}} placeholders in scenario text, filled from a flow's variables. Stateless. */
final class Template {
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.-]*)}");

    private Template() {
    }

    /** {@code text} with every placeholder replaced; the reader checked that each name will be there. */
    static String fill(String text, Map<String, String> variables) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 32);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(variables.getOrDefault(m.group(1), "")));
        }
        return m.appendTail(out).toString();
    }
}
