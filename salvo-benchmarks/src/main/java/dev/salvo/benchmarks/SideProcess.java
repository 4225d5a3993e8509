package dev.salvo.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One side of an {@link AbRounds} comparison in a JVM of its own, so that it has its heap, its garbage
 * collector, its JIT profile and its threads to itself, as an application does (in one JVM the "on" side's
 * garbage, span queue and export thread land on the "off" side's rounds, and code compiled for one side is
 * deoptimised when the other runs). The child runs a main class that speaks {@link #serve}'s protocol;
 * it gets this JVM's flags and class path. Confined to the thread that starts it.
 */
final class SideProcess implements AbRounds.Side, AutoCloseable {
    private final Process process;
    private final BufferedReader replies;
    private final PrintWriter commands;

    private SideProcess(Process process) {
        this.process = process;
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** Starts {@code main} with {@code args} in a child JVM and waits until it is ready. */
    static SideProcess start(Class<?> main, String... args) throws IOException {
        Process process = ChildJvm.start(ManagementFactory.getRuntimeMXBean().getInputArguments(), main.getName(),
                List.of(args), false);
        // a benchmark stopped by Ctrl-C or kill takes its sides down with it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "salvo-side-process-stop"));
        SideProcess side = new SideProcess(process);
        side.reply("ready");
        return side;
    }

    /**
     * The child's half: says {@code ready}, then for each line {@code run SECONDS} runs {@code side} that long
     * and answers {@code rate REQUESTS_PER_SECOND}; at {@code end} (or the end of its input) answers
     * {@code done} and what {@code last} says.
     */
    static void serve(AbRounds.Side side, Supplier<String> last) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("ready");
        for (String line = in.readLine(); line != null && line.startsWith("run "); line = in.readLine()) {
            System.out.println("rate " + side.run(Double.parseDouble(line.substring("run ".length()))));
        }
        System.out.println("done " + last.get());
    }

    @Override
    public double run(double seconds) throws IOException {
        commands.println("run " + seconds);
        return Double.parseDouble(reply("rate "));
    }

    /** Ends the side's rounds; what it recorded. */
    String finish() throws IOException {
        commands.println("end");
        return reply("done ");
    }

    /** The rest of the child's next line, which must start with {@code prefix}. */
    private String reply(String prefix) throws IOException {
        String line = replies.readLine();
        if (line == null || !line.startsWith(prefix)) {
            throw new IOException("side process said " + line + ", expected " + prefix.strip());
        }
        return line.substring(prefix.length());
    }

    /** The child's process id: for jcmd (JFR) while it runs. */
    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        commands.close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
