package dev.salvo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.contract.Await;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Seed 004's original could keep a program alive at exit: Salvo leaves no non-daemon thread, and
 * a program that never calls close() still exits.
 */
class LifecycleTest {
    @RegisterExtension
    static final LocalServer server = new LocalServer();

    @Test
    void noNonDaemonThreadOutlivesClose() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Salvo http = Salvo.create();
        List<CompletableFuture<Response>> calls = List.of(http.send(server.get("/get")), http.send(server.get("/delay/0.1")));
        calls.forEach(Await::value);
        http.close();
        Await.until("no new non-daemon threads", () -> Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon()).findAny().isEmpty());
        String leftovers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon())
                .map(Thread::getName).collect(Collectors.joining(", "));
        assertEquals("", leftovers);
    }

    @Test
    void closeIsIdempotent() {
        Salvo http = Salvo.create();
        http.close();
        http.close();
        Await.failure(http.send(server.get("/get")), ClientClosedException.class);
    }

    /** Run in a child JVM by {@link #aProgramThatForgetsCloseStillExits}. */
    public static final class ForgetfulProgram {
        public static void main(String[] args) {
            Salvo http = Salvo.newBuilder().maxInFlight(2).build();
            for (int i = 0; i < 6; i++) {
                http.send(Request.get(args[0])).thenAccept(r -> System.out.println("status " + r.status()));
            }
            // a queued call that is never awaited, and no close(): main returns anyway
            System.out.println("main done");
        }
    }

    @Test
    void aProgramThatForgetsCloseStillExits() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ForgetfulProgram.class.getName(), server.url("/delay/0.2"))
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        boolean exited = child.waitFor(30, TimeUnit.SECONDS);
        String output = new String(child.getInputStream().readNBytes(10_000), StandardCharsets.UTF_8);
        if (!exited) {
            child.destroyForcibly();
        }
        assertTrue(exited, "the JVM exits although calls were pending and close() was never called:\n" + output);
        assertTrue(output.contains("main done"), output);
    }
}
