package dev.salvo.benchmarks;

import dev.salvo.client.BodyHandler;
import dev.salvo.client.BodyResponse;
import dev.salvo.client.Request;
import dev.salvo.client.RequestBody;
import dev.salvo.client.Response;
import dev.salvo.client.Salvo;
import dev.salvo.client.spi.Transport;
import dev.salvo.netty.NettyTransport;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Issue 11's body figures, one line each (bench/streaming.sh runs them against nginx):
 * <ul>
 *   <li>{@code download TRANSPORT URL FILE}: one body to a file; seconds, MB/s, SHA-256, peak RSS;
 *   <li>{@code many TRANSPORT URL N DIR}: N concurrent downloads to files; seconds, peak RSS;
 *   <li>{@code upload TRANSPORT URL FILE}: one file PUT as a streamed request body; RSS at idle and peak.
 * </ul>
 * TRANSPORT: jdk, blocking (HttpURLConnection), netty (epoll) or netty-nio; for {@code download} also
 * bare-jdk and bare-urlconnection, the same download without Salvo (the ceiling of jdk and blocking).
 */
public final class StreamingBodies {
    private StreamingBodies() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String kind = args[1];
        if (mode.equals("download") && kind.startsWith("bare-")) {
            if (kind.endsWith("-virtual")) { // on a virtual thread, as Transports.blocking runs a call
                Thread thread = Thread.ofVirtual().start(() -> {
                    try {
                        bareDownload(kind.substring(0, kind.length() - "-virtual".length()), args[2], Path.of(args[3]));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                thread.join();
            } else {
                bareDownload(kind, args[2], Path.of(args[3]));
            }
            return;
        }
        long idleRss = rssMb();
        try (Transport transport = transport(kind);
             Salvo http = Salvo.newBuilder().transport(transport).maxInFlight(256).maxPerHost(256)
                     .deadline(Duration.ofMinutes(10)).build()) {
            long start = System.nanoTime();
            switch (mode) {
                case "download" -> {
                    Path file = Path.of(args[3]);
                    BodyResponse<Path> response = http.send(Request.get(args[2]), BodyHandler.ofFile(file)).join();
                    double seconds = (System.nanoTime() - start) / 1e9;
                    long bytes = Files.size(response.body());
                    System.out.printf("mode=download transport=%s status=%d bytes=%d seconds=%.3f MBps=%.1f sha256=%s "
                            + "peak_rss_mb=%d%n", kind, response.status(), bytes, seconds, bytes / seconds / 1e6,
                            sha256(file), AllAtOnce.peakRssMb());
                }
                case "many" -> {
                    int n = Integer.parseInt(args[3]);
                    Path dir = Path.of(args[4]);
                    List<CompletableFuture<BodyResponse<Path>>> all = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        all.add(http.send(Request.get(args[2]), BodyHandler.ofFile(dir.resolve("f" + i + ".bin"))));
                    }
                    long bytes = 0;
                    for (CompletableFuture<BodyResponse<Path>> one : all) {
                        bytes += Files.size(one.join().body());
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("mode=many transport=%s downloads=%d bytes=%d seconds=%.3f peak_rss_mb=%d%n",
                            kind, n, bytes, seconds, AllAtOnce.peakRssMb());
                }
                case "upload" -> {
                    Path file = Path.of(args[3]);
                    Request request = Request.newBuilder(args[2]).header("Content-Type", "application/octet-stream")
                            .PUT(RequestBody.ofFile(file)).build();
                    Response response = http.send(request).join();
                    double seconds = (System.nanoTime() - start) / 1e9;
                    long peak = AllAtOnce.peakRssMb();
                    System.out.printf("mode=upload transport=%s status=%d bytes=%d seconds=%.3f MBps=%.1f idle_rss_mb=%d "
                            + "peak_rss_mb=%d above_idle_mb=%d%n", kind, response.status(), Files.size(file), seconds,
                            Files.size(file) / seconds / 1e6, idleRss, peak, peak - idleRss);
                }
                default -> throw new IllegalArgumentException("mode must be download, many or upload: " + mode);
            }
        }
    }

    /**
     * The same download without Salvo, the ceiling of the transport it stands under: {@code bare-jdk},
     * the JDK's {@code HttpClient} (configured as {@code Transports.jdk()}) with {@code BodyHandlers.ofFile};
     * {@code bare-urlconnection}, {@code HttpURLConnection} copied to the file with {@code transferTo}.
     */
    private static void bareDownload(String kind, String url, Path file) throws Exception {
        long start = System.nanoTime();
        int status;
        if (kind.equals("bare-jdk")) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            status = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofFile(file))
                    .statusCode();
        } else if (kind.equals("bare-urlconnection")) {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            status = connection.getResponseCode();
            try (InputStream in = connection.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
                in.transferTo(out);
            }
        } else {
            throw new IllegalArgumentException("bare transport must be bare-jdk or bare-urlconnection: " + kind);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long bytes = Files.size(file);
        System.out.printf("mode=download transport=%s status=%d bytes=%d seconds=%.3f MBps=%.1f sha256=%s "
                + "peak_rss_mb=%d%n", kind, status, bytes, seconds, bytes / seconds / 1e6, sha256(file), AllAtOnce.peakRssMb());
    }

    private static Transport transport(String kind) {
        return switch (kind) {
            case "netty" -> NettyTransport.create();
            case "netty-nio" -> NettyTransport.newBuilder().preferNative(false).build();
            default -> AllAtOnce.transport(new String[] {"", "", kind});
        };
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** VmRSS of this process now, in MiB. */
    private static long rssMb() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }
}
