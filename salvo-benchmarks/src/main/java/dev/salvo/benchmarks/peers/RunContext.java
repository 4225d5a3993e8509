package dev.salvo.benchmarks.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The circumstances of one benchmark run that the report states. Immutable.
 *
 * @param finishedUtc when the run ended, e.g. {@code 2026-11-21 23:50 UTC}
 * @param minutes how long it took
 * @param javaVersion the JDK that ran the clients
 * @param loadBefore the 1/5/15-minute load averages when it started
 * @param loadAfter the same when it ended
 */
record RunContext(String finishedUtc, double minutes, String javaVersion, String loadBefore, String loadAfter) {

    /** The machine's 1/5/15-minute load averages, or {@code "?"} where /proc is missing. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
