package dev.salvo.flink.job;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a fetch job has committed in a local output directory: the visible part files only.
 * In-progress and pending files start with a dot and are not output yet: a checkpoint commits
 * them, and a restore from an earlier checkpoint throws them away.
 *
 * @param files   committed part files, sorted
 * @param records lines in them
 * @param errors  lines whose {@code error} is not null
 */
public record CommittedOutput(List<Path> files, long records, long errors) {

    public CommittedOutput {
        files = List.copyOf(files);
    }

    /** Reads {@code dir}; an absent directory has nothing committed. */
    public static CommittedOutput read(Path dir) throws IOException {
        List<Path> files = files(dir);
        long records = 0;
        long errors = 0;
        for (Path file : files) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    records++;
                    if (!line.endsWith("\"error\":null}")) {
                        errors++;
                    }
                }
            }
        }
        return new CommittedOutput(files, records, errors);
    }

    /** The committed part files in {@code dir}, sorted; none when it does not exist. */
    public static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.list(dir)) {
            return paths.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(FetchJob.PART_PREFIX) && name.endsWith(FetchJob.PART_SUFFIX);
            }).sorted().toList();
        }
    }
}
