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
 * Reads the {@code jdk.ExecutionSample} events of a JFR recording (e.g. one written by a worker
 * started with {@code --worker-flag -XX:StartFlightRecording:...}) and prints the share of samples
 * per thread group, per top frame, per method anywhere on the stack (inclusive), and, for the
 * methods given, per callee line. Usage: {@code ProfileSummary FILE.jfr [class.method]...}
 * with names as {@code dev.salvo.client.internal.CallEngine.send}. Single-threaded.
 */
public final class ProfileSummary {
    private static final int ROWS = 25;

    private final List<List<String>> stacks = new ArrayList<>();
    private final Map<String, Integer> threads = new HashMap<>();

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
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedThread thread = event.getThread("sampledThread");
            String name = thread == null ? "?" : String.valueOf(thread.getJavaName());
            threads.merge(name.replaceAll("[-#]?\\d+$", "").replaceAll("\\d+-$", ""), 1, Integer::sum);
            RecordedStackTrace trace = event.getStackTrace();
            List<String> frames = new ArrayList<>();
            if (trace != null) {
                for (RecordedFrame frame : trace.getFrames()) {
                    frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName()
                            + ":" + frame.getLineNumber());
                }
            }
            stacks.add(frames);
        }
    }

    private void print(List<String> methods) {
        System.out.println("execution samples: " + stacks.size());
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        for (List<String> frames : stacks) {
            if (!frames.isEmpty()) {
                top.merge(method(frames.get(0)), 1, Integer::sum);
            }
            Set<String> seen = new HashSet<>();
            for (String frame : frames) {
                if (seen.add(method(frame))) {
                    inclusive.merge(method(frame), 1, Integer::sum);
                }
            }
        }
        table("threads", threads);
        table("top frames", top);
        table("inclusive (anywhere on the stack)", inclusive);
        for (String target : methods) {
            Map<String, Integer> callees = new HashMap<>();
            for (List<String> frames : stacks) {
                for (int i = 0; i < frames.size(); i++) {
                    if (method(frames.get(i)).equals(target)) {
                        callees.merge(i == 0 ? "(self) " + frames.get(i) : frames.get(i - 1) + "  <- line "
                                + frames.get(i).substring(frames.get(i).lastIndexOf(':') + 1), 1, Integer::sum);
                        break;
                    }
                }
            }
            int total = inclusive.getOrDefault(target, 0);
            table(String.format(Locale.ROOT, "callees of %s (%d samples, %.1f%% inclusive)", target, total,
                    100.0 * total / Math.max(1, stacks.size())), callees);
        }
    }

    private void table(String title, Map<String, Integer> counts) {
        System.out.println("-- " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(ROWS)
                .forEach(e -> System.out.println(String.format(Locale.ROOT, "%6d %5.1f%%  %s", e.getValue(),
                        100.0 * e.getValue() / Math.max(1, stacks.size()), e.getKey())));
    }

    private static String method(String frame) {
        return frame.substring(0, frame.lastIndexOf(':'));
    }
}
