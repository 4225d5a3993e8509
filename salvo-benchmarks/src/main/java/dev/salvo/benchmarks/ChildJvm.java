package dev.salvo.benchmarks;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the benchmarks' child JVMs (the embedded server, a peer worker, one side of an on ÷ off run)
 * with this JVM's {@code java} and class path, their standard error on ours; and reads a process's CPU
 * time. Stateless.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * Starts {@code java FLAGS -cp <this class path> MAIN ARGS}; the caller sets up standard input
     * (a pipe unless {@code stdinFromNull}) and reads standard output.
     */
    public static Process start(List<String> jvmFlags, String mainClass, List<String> args, boolean stdinFromNull)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        if (stdinFromNull) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        return builder.start();
    }

    /** The CPU time {@code process} has used so far, all its threads (the JIT compiler's too). */
    public static Duration cpuTime(ProcessHandle process) {
        return process.info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("no CPU time for process " + process.pid()));
    }
}
