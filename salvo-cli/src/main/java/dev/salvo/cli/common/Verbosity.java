package dev.salvo.cli.common;

import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code -v} flag and the slf4j-simple setup behind it: quiet by default (warnings only),
 * {@code -v} = debug for {@code dev.salvo} with time and thread names. slf4j-simple reads its
 * settings when the first logger is made, so {@link #configureLogging} runs before picocli parses
 * anything; the option here documents the flag and lets every command accept it.
 */
public final class Verbosity {
    private static final String PREFIX = "org.slf4j.simpleLogger.";

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Debug logs on stderr (thread names, request ids).")
    boolean verbose;

    /** Sets slf4j-simple's properties from the raw arguments, leaving any the user set alone. */
    public static void configureLogging(List<String> args) {
        int end = args.indexOf("--");
        List<String> flags = end < 0 ? args : args.subList(0, end);
        boolean verbose = flags.contains("-v") || flags.contains("--verbose");
        setIfAbsent("defaultLogLevel", "warn");
        setIfAbsent("logFile", "System.err");
        setIfAbsent("showShortLogName", "true");
        if (verbose) {
            setIfAbsent("log.dev.salvo", "debug");
            setIfAbsent("showThreadName", "true");
            setIfAbsent("showDateTime", "true");
            setIfAbsent("dateTimeFormat", "HH:mm:ss.SSS");
        } else {
            setIfAbsent("showThreadName", "false");
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }
}
