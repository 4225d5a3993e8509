package dev.salvo.flink.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure in the middle of the job restores from the last checkpoint: no URL lost, none
 * duplicated in the committed output, and no Salvo I/O thread left behind.
 */
class RecoveryTest {
    /** Our own 2 × 2 MiniCluster (the JUnit extension gives no access to its task managers). */
    static MiniCluster cluster;
    static final FlinkFixture.CountingServer SERVER = new FlinkFixture.CountingServer();

    /** Task starts of the step after the fetch: more than the parallelism means the job restarted. */
    static final AtomicInteger OPENS = new AtomicInteger();
    static final AtomicBoolean INJECTED = new AtomicBoolean();

    @TempDir
    Path dir;

    @BeforeEach
    void reset() {
        OPENS.set(0);
        INJECTED.set(false);
    }

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setNumTaskManagers(2)
                .setNumSlotsPerTaskManager(2).build());
        cluster.start();
        TestStreamEnvironment.setAsContext(cluster, 2);
    }

    @AfterAll
    static void stop() throws Exception {
        TestStreamEnvironment.unsetAsContext();
        cluster.close();
        SERVER.close();
    }

    @Test
    void anExceptionInOneSubtaskRestoresFromTheLastCheckpoint() throws Exception {
        List<String> lines = urls(3000, "/delay/10ms");
        Path out = dir.resolve("out");
        FetchJob job = job(lines, out, 2, 4); // about 800 calls/s: checkpoints complete mid-run
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        job.fetch(job.requestLines(env)).map(new Injector(100)).sinkTo(job.sink());

        env.execute("fail once");

        assertTrue(INJECTED.get(), "the failure was injected");
        assertTrue(OPENS.get() > 2, "the tasks restarted: " + OPENS.get() + " opens");
        assertExactlyOnce(lines, out);
        FlinkFixture.await("Salvo's I/O threads to end", Duration.ofSeconds(20), () -> FlinkFixture.salvoIoThreads() == 0);
    }

    @Test
    void aLostTaskManagerRestoresFromTheLastCheckpoint() throws Exception {
        List<String> lines = urls(4000, "/delay/20ms");
        Path out = dir.resolve("out");
        FetchJob job = job(lines, out, 4, 8); // 4 subtasks fill both task managers
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        job.fetch(job.requestLines(env)).map(new Injector(-1)).sinkTo(job.sink());
        int before = SERVER.answered.get();

        JobClient client = env.executeAsync("lose a task manager");
        FlinkFixture.await("a checkpoint to commit output and 800 answers", Duration.ofSeconds(60),
                () -> SERVER.answered.get() - before >= 800 && !committedFiles(out).isEmpty());
        cluster.terminateTaskManager(0).get();
        cluster.startTaskManager();
        client.getJobExecutionResult().get();

        assertTrue(SERVER.answered.get() - before < lines.size() + 4000, "still running when the task manager went");
        assertTrue(OPENS.get() > 4, "the tasks restarted: " + OPENS.get() + " opens");
        assertExactlyOnce(lines, out);
        FlinkFixture.await("Salvo's I/O threads to end", Duration.ofSeconds(20), () -> FlinkFixture.salvoIoThreads() == 0);
    }

    private static FetchJob job(List<String> lines, Path out, int parallelism, int maxInFlight) throws IOException {
        Path urls = FlinkFixture.write(out.resolveSibling("urls.txt"), lines);
        return FetchJob.newBuilder(urls.toString(), out.toString()).parallelism(parallelism).maxInFlight(maxInFlight)
                .checkpointInterval(Duration.ofMillis(100)).restarts(5, Duration.ofMillis(100)).build();
    }

    private static List<String> urls(int n, String path) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(SERVER.url(path + "?i=" + i));
        }
        return lines;
    }

    private static void assertExactlyOnce(List<String> lines, Path out) throws IOException {
        List<JsonNode> records = FlinkFixture.committed(out);
        Map<String, Integer> counts = FlinkFixture.countsByUrl(records);
        for (String url : lines) {
            assertEquals(1, counts.getOrDefault(url, 0), url);
        }
        assertEquals(lines.size(), records.size(), "no record beyond the input");
        assertTrue(records.stream().allMatch(r -> r.get("status").asInt() == 200), "every call succeeded");
    }

    private static List<Path> committedFiles(Path out) {
        try {
            return CommittedOutput.files(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Passes records on; counts task starts; when {@code failAfter >= 0}, throws once in subtask 0
     * after that many records, once a checkpoint has completed.
     */
    static final class Injector extends RichMapFunction<String, String> implements CheckpointListener {
        private static final long serialVersionUID = 1L;
        private final int failAfter;
        private transient long seen;
        private transient volatile boolean checkpointed;

        Injector(int failAfter) {
            this.failAfter = failAfter;
        }

        @Override
        public void open(OpenContext context) {
            OPENS.incrementAndGet();
        }

        @Override
        public String map(String record) {
            if (failAfter >= 0 && getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0
                    && ++seen > failAfter && checkpointed && INJECTED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure after " + failAfter + " records");
            }
            return record;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed = true;
        }
    }
}
