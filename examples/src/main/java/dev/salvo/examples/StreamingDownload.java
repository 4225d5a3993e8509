package dev.salvo.examples;

import dev.salvo.client.BodyHandler;
import dev.salvo.client.BodyResponse;
import dev.salvo.client.Request;
import dev.salvo.client.Salvo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A large body streamed, never held whole in memory: written to a file as it arrives (the file
 * appears only once it is complete), with a progress callback; then read as an InputStream. The
 * call holds its slot until the stream is read to the end or closed.
 */
public final class StreamingDownload {
    private static final long SIZE = 32L << 20;

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("salvo-example");
        Path file = dir.resolve("download.bin");
        try (Examples target = Examples.target(args);
             Salvo http = Salvo.create()) {
            Request request = Request.get(target.url("/stream-bytes/" + SIZE + "?chunk_size=65536"));
            AtomicLong nextReport = new AtomicLong();
            BodyResponse<Path> saved = http.send(request, BodyHandler.ofFile(file).withProgress(bytes -> {
                if (bytes >= nextReport.get()) {
                    System.out.println("received " + (bytes >> 20) + " MiB");
                    nextReport.addAndGet(8L << 20);
                }
            })).join();
            long onDisk = Files.size(saved.body());
            System.out.println(saved.status() + ": " + onDisk + " bytes in " + saved.body().getFileName());
            check(onDisk, "file");

            BodyResponse<InputStream> streamed = http.send(request, BodyHandler.ofInputStream()).join();
            long read = 0;
            try (InputStream in = streamed.body()) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) != -1; ) {
                    read += n;
                }
            }
            System.out.println("read " + read + " bytes from the stream");
            check(read, "stream");
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static void check(long bytes, String what) {
        if (bytes != SIZE) {
            throw new UncheckedIOException(new IOException(what + ": expected " + SIZE + " bytes, got " + bytes));
        }
    }
}
