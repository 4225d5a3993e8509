package dev.salvo.flink.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --jobmanager HOST:PORT} submits the job to a running cluster's REST endpoint: here a
 * MiniCluster's, on a free port, with no test context (as a real cluster would be).
 */
class RemoteSubmitTest {
    static final FlinkFixture.CountingServer SERVER = new FlinkFixture.CountingServer();
    static MiniCluster cluster;

    @TempDir
    Path dir;

    @BeforeAll
    static void startCluster() throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestOptions.BIND_PORT, "0");
        cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(conf).setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(2).build());
        cluster.start();
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
        SERVER.close();
    }

    @Test
    void jobmanagerSubmitsTheSameJobToTheCluster() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add(SERVER.url("/get?remote=" + i));
        }
        Path urls = FlinkFixture.write(dir.resolve("urls.txt"), lines);
        Path out = dir.resolve("out");
        URI rest = cluster.getRestAddress().get();
        int before = SERVER.answered.get();

        FlinkFetchMainTest.Run run = FlinkFetchMainTest.run("--urls", urls.toString(), "--out", out.toString(),
                "--jobmanager", rest.getHost() + ":" + rest.getPort(), "--checkpoint-interval", "100ms");

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("40 records in "), run.out());
        assertEquals(40, FlinkFixture.countsByUrl(FlinkFixture.committed(out)).size());
        assertTrue(SERVER.answered.get() - before >= 40, "the cluster's task manager made the calls");
    }
}
