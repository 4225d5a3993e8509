package dev.salvo.benchmarks.peers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads the samples of a JFR recording (e.g. one written by a worker started with
 * {@code --worker-flag -XX:StartFlightRecording:...}) and prints their share per thread group, per
 * top frame, per method anywhere on the stack (inclusive), and, for the methods given, per callee
 * line. The samples are JDK 25's CPU-time samples ({@code jdk.CPUTimeSample}, each weighted by its
 * sampling period, so the figures are CPU milliseconds, native and kernel time included) when the
 * recording has them, else the execution samples ({@code jdk.ExecutionSample}, one each; they see
 * threads in Java code only, runnable or not). Usage: {@code ProfileSummary FILE.jfr [class.method]...}
 * with names as {@code dev.salvo.client.internal.CallEngine.send}. Single-threaded.
 */
public final class ProfileSummary {
    private static final int ROWS = 25;

    private static final String CPU_SAMPLE = "jdk.CPUTimeSample";

    private final List<List<String>> stacks = new ArrayList<>();
    /** Each stack's weight: CPU milliseconds for a CPU-time sample, 1 for an execution sample. */
    private final List<Double> weights = new ArrayList<>();
    private final Map<String, Double> threads = new HashMap<>();
    private String unit = "samples";
    private double total;

    private ProfileSummary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: ProfileSummary FILE.jfr [class.method]...");
            System.exit(2);
        }
        ProfileSummary summary = new ProfileSummary();
        summary.read(Path.of(args[0]));
        summary.print(List.of(args).subList(1, args.length));
    }

    private void read(Path file) throws IOException {
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        boolean cpu = events.stream().anyMatch(e -> e.getEventType().getName().equals(CPU_SAMPLE));
        String wanted = cpu ? CPU_SAMPLE : "jdk.ExecutionSample";
        unit = cpu ? "CPU ms" : "samples";
        for (RecordedEvent event : events) {
            if (!event.getEventType().getName().equals(wanted)) {
                continue;
            }
            double weight = cpu ? event.getDuration("samplingPeriod").toNanos() / 1e6 : 1;
            RecordedThread thread = event.getThread(cpu ? "eventThread" : "sampledThread");
            String name = thread == null ? "?" : String.valueOf(thread.getJavaName());
            threads.merge(name.replaceAll("[-#]?\\d+$", "").replaceAll("\\d+-$", ""), weight, Double::sum);
            RecordedStackTrace trace = event.getStackTrace();
            List<String> frames = new ArrayList<>();
            if (trace != null) {
                for (RecordedFrame frame : trace.getFrames()) {
                    frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName()
                            + ":" + frame.getLineNumber());
                }
            }
            stacks.add(frames);
            weights.add(weight);
            total += weight;
        }
    }

    private void print(List<String> methods) {
        System.out.println(unit.equals("samples") ? "execution samples: " + stacks.size()
                : String.format(Locale.ROOT, "CPU-time samples: %d, %.0f CPU ms", stacks.size(), total));
        Map<String, Double> top = new HashMap<>();
        Map<String, Double> inclusive = new HashMap<>();
        for (int s = 0; s < stacks.size(); s++) {
            List<String> frames = stacks.get(s);
            double weight = weights.get(s);
            if (!frames.isEmpty()) {
                top.merge(method(frames.get(0)), weight, Double::sum);
            }
            Set<String> seen = new HashSet<>();
            for (String frame : frames) {
                if (seen.add(method(frame))) {
                    inclusive.merge(method(frame), weight, Double::sum);
                }
            }
        }
        table("threads", threads);
        table("top frames", top);
        table("inclusive (anywhere on the stack)", inclusive);
        for (String target : methods) {
            Map<String, Double> callees = new HashMap<>();
            for (int s = 0; s < stacks.size(); s++) {
                List<String> frames = stacks.get(s);
                for (int i = 0; i < frames.size(); i++) {
                    if (method(frames.get(i)).equals(target)) {
                        callees.merge(i == 0 ? "(self) " + frames.get(i) : frames.get(i - 1) + "  <- line "
                                + frames.get(i).substring(frames.get(i).lastIndexOf(':') + 1), weights.get(s), Double::sum);
                        break;
                    }
                }
            }
            double sum = inclusive.getOrDefault(target, 0.0);
            table(String.format(Locale.ROOT, "callees of %s (%.0f %s, %.1f%% inclusive)", target, sum, unit,
                    100.0 * sum / Math.max(1, total)), callees);
        }
    }

    private void table(String title, Map<String, Double> counts) {
        System.out.println("-- " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(ROWS)
                .forEach(e -> System.out.println(String.format(Locale.ROOT, "%8.0f %5.1f%%  %s", e.getValue(),
                        100.0 * e.getValue() / Math.max(1, total), e.getKey())));
    }

    private static String method(String frame) {
        return frame.substring(0, frame.lastIndexOf(':'));
    }
}
