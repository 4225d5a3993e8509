package dev.salvo.bench;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pass/fail objective on a run, parsed from an expression such as {@code p99<20ms},
 * {@code uncorrected.p99.9<=50ms}, {@code errors<0.1%}, {@code errors<=10} or {@code rps>5000}.
 *
 * <p>Metrics: {@code mean}, {@code p50}, {@code p75}, {@code p90}, {@code p99}, {@code p99.9},
 * {@code p99.99}, {@code max} (latency from the intended send time; prefix {@code uncorrected.}
 * for the latency from the actual send time), with a unit {@code us}, {@code ms} or {@code s};
 * {@code errors} as a share of requests (with {@code %}) or as a count; {@code rps}, completed
 * requests per second. Comparisons: {@code <}, {@code <=}, {@code >}, {@code >=}. Immutable;
 * equal when the expressions are.
 */
public final class Slo {
    private static final Pattern SYNTAX = Pattern.compile(
            "([a-z][a-z0-9.]*)\\s*(<=|>=|<|>)\\s*([0-9]+(?:\\.[0-9]+)?(?:[eE][0-9]+)?)\\s*(us|µs|ms|s|%)?");
    private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,2}(?:\\.\\d{1,4})?)");
    private static final String UNCORRECTED = "uncorrected.";

    /** How a measured value is compared with the threshold. */
    public enum Comparison {
        LESS("<"), AT_MOST("<="), MORE(">"), AT_LEAST(">=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean holds(double actual, double threshold) {
            return switch (this) {
                case LESS -> actual < threshold;
                case AT_MOST -> actual <= threshold;
                case MORE -> actual > threshold;
                case AT_LEAST -> actual >= threshold;
            };
        }

        static Comparison of(String symbol) {
            for (Comparison c : values()) {
                if (c.symbol.equals(symbol)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("no comparison " + symbol);
        }
    }

    /**
     * The outcome of one objective on one result.
     *
     * @param slo    the objective
     * @param actual the measured value, in the objective's unit (ms, %, count or req/s)
     * @param passed true when the objective holds
     */
    public record Verdict(Slo slo, double actual, boolean passed) {
        /** The measured value as the report prints it: {@code 12.345ms}, {@code 0.012%}, {@code 5,321.0}. */
        public String actualText() {
            return slo.format(actual);
        }
    }

    private final String expression;
    private final String metric;
    private final Comparison comparison;
    private final double threshold;
    private final String unit;

    private Slo(String expression, String metric, Comparison comparison, double threshold, String unit) {
        this.expression = expression;
        this.metric = metric;
        this.comparison = comparison;
        this.threshold = threshold;
        this.unit = unit;
    }

    /** The text as given, stripped. */
    public String expression() {
        return expression;
    }

    /** The metric name, lower case (for example {@code uncorrected.p99}). */
    public String metric() {
        return metric;
    }

    public Comparison comparison() {
        return comparison;
    }

    /** The limit: milliseconds for a latency, percent for an error share, else a count or a rate. */
    public double threshold() {
        return threshold;
    }

    /** How the threshold was written: {@code ms} (any latency unit), {@code %}, or empty. */
    public String unit() {
        return unit;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Slo slo && slo.expression.equals(expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    @Override
    public String toString() {
        return expression;
    }

    /** Parses {@code expression}; an IllegalArgumentException says what is wrong in one line. */
    public static Slo parse(String expression) {
        Objects.requireNonNull(expression, "expression");
        String text = expression.strip();
        Matcher m = SYNTAX.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read the objective '" + expression
                    + "': write METRIC<VALUE, as in p99<20ms, errors<0.1% or rps>5000");
        }
        String metric = m.group(1);
        double value = Double.parseDouble(m.group(3));
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("the limit in '" + expression + "' is too large");
        }
        String unit = m.group(4) == null ? "" : m.group(4);
        Comparison comparison = Comparison.of(m.group(2));
        String bare = metric.startsWith(UNCORRECTED) ? metric.substring(UNCORRECTED.length()) : metric;
        if (isLatency(bare)) {
            if (bare.startsWith("p")) {
                double p = Double.parseDouble(bare.substring(1));
                if (!(p > 0 && p < 100)) {
                    throw new IllegalArgumentException("the percentile in '" + expression + "' must be above 0 and below 100");
                }
            }
            double ms = switch (unit) {
                case "us", "µs" -> value / 1000;
                case "ms" -> value;
                case "s" -> value * 1000;
                default -> throw new IllegalArgumentException("the latency in '" + expression
                        + "' needs a unit: us, ms or s (as in " + metric + m.group(2) + "20ms)");
            };
            return new Slo(text, metric, comparison, ms, "ms");
        }
        if (metric.startsWith(UNCORRECTED)) {
            throw new IllegalArgumentException("'" + expression + "': only latencies have an uncorrected form");
        }
        if (metric.equals("errors")) {
            if (!unit.isEmpty() && !unit.equals("%")) {
                throw new IllegalArgumentException("'" + expression + "': errors are a share (0.1%) or a count (10)");
            }
            if (unit.equals("%") && value > 100) {
                throw new IllegalArgumentException("'" + expression + "': a share of errors is at most 100%");
            }
            return new Slo(text, metric, comparison, value, unit);
        }
        if (metric.equals("rps")) {
            if (!unit.isEmpty()) {
                throw new IllegalArgumentException("'" + expression + "': rps takes a plain number, as in rps>5000");
            }
            return new Slo(text, metric, comparison, value, unit);
        }
        throw new IllegalArgumentException("unknown metric '" + metric + "' in '" + expression
                + "'; use p50, p90, p99, p99.9, max, mean (or uncorrected.p99 …), errors or rps");
    }

    /** Measures this objective on {@code result}. A latency objective fails on a run without responses. */
    public Verdict check(BenchResult result) {
        Objects.requireNonNull(result, "result");
        double actual = measure(result);
        boolean latency = unit.equals("ms");
        boolean passed = (!latency || result.responses() > 0) && comparison.holds(actual, threshold);
        return new Verdict(this, actual, passed);
    }

    private double measure(BenchResult result) {
        if (metric.equals("rps")) {
            return result.requestsPerSecond();
        }
        if (metric.equals("errors")) {
            if (unit.equals("%")) {
                return result.requests() == 0 ? 0 : 100.0 * result.errorCount() / result.requests();
            }
            return result.errorCount();
        }
        boolean uncorrected = metric.startsWith(UNCORRECTED);
        String bare = uncorrected ? metric.substring(UNCORRECTED.length()) : metric;
        org.HdrHistogram.Histogram h = uncorrected ? result.uncorrectedLatency() : result.latency();
        if (h.getTotalCount() == 0) {
            return 0;
        }
        return switch (bare) {
            case "max" -> h.getMaxValue() / 1000.0;
            case "mean" -> h.getMean() / 1000.0;
            default -> h.getValueAtPercentile(Double.parseDouble(bare.substring(1))) / 1000.0;
        };
    }

    /** The threshold as written back: {@code 20ms}, {@code 0.1%}, {@code 5000}. */
    public String thresholdText() {
        return format(threshold);
    }

    private String format(double value) {
        return switch (unit) {
            case "ms" -> String.format(Locale.ROOT, "%.3fms", value);
            case "%" -> String.format(Locale.ROOT, "%.3f%%", value);
            default -> metric.equals("errors") ? String.format(Locale.ROOT, "%,.0f", value)
                    : String.format(Locale.ROOT, "%,.1f", value);
        };
    }

    private static boolean isLatency(String metric) {
        return metric.equals("max") || metric.equals("mean") || PERCENTILE.matcher(metric).matches();
    }
}
