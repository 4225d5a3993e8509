package dev.salvo.cli.fetch;

import dev.salvo.cli.common.BadInputException;
import dev.salvo.client.Request;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The URLs to fetch, from the command line and from a file with one URL per line ({@code #}
 * starts a comment; blank lines are skipped). Every URL is checked before anything is sent.
 */
final class UrlList {
    private UrlList() {
    }

    /** GET requests for {@code urls} then the file's lines, in that order. */
    static List<Request> requests(List<String> urls, Path file) {
        List<Request> requests = new ArrayList<>();
        for (String url : urls) {
            requests.add(parse(url, "argument '" + url + "'"));
        }
        if (file != null) {
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    requests.add(parse(line, file + " line " + (i + 1)));
                }
            }
        }
        if (requests.isEmpty()) {
            throw new BadInputException("no URLs: give some as arguments or in a file with -f FILE");
        }
        return List.copyOf(requests);
    }

    private static Request parse(String url, String where) {
        try {
            return Request.get(url);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(where + ": " + e.getMessage(), e);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException("no such file: " + file, e);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
