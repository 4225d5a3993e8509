package dev.salvo.cli.fetch;

import dev.salvo.cli.common.BadInputException;
import dev.salvo.cli.common.FileReason;
import dev.salvo.client.Request;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The URLs to fetch, from the command line and from a file (or standard input, {@code -f -}) with
 * one URL per line ({@code #} starts a comment; blank lines are skipped). Every URL is checked
 * before anything is sent.
 */
final class UrlList {
    /** What {@code -f} reads as standard input. */
    static final String STDIN = "-";

    private UrlList() {
    }

    /** One request per URL, {@code urls} then the file's lines, in that order, each made from {@code template}. */
    static List<Request> requests(List<String> urls, String file, InputStream stdin, Request.Builder template) {
        List<Request> requests = new ArrayList<>();
        for (String url : urls) {
            requests.add(parse(template, url, "argument '" + url + "'"));
        }
        if (file != null) {
            String name = file.equals(STDIN) ? "standard input" : file;
            try {
                if (file.equals(STDIN)) {
                    addLines(requests, reader(stdin), name, template); // standard input stays open
                } else {
                    try (BufferedReader reader = reader(Files.newInputStream(Path.of(file)))) {
                        addLines(requests, reader, name, template);
                    }
                }
            } catch (IOException e) {
                throw new BadInputException("cannot read " + name + ": " + FileReason.of(e), e);
            }
        }
        if (requests.isEmpty()) {
            throw new BadInputException("no URLs: give some as arguments, in a file with -f FILE, or on standard input with -f -");
        }
        return List.copyOf(requests);
    }

    private static void addLines(List<Request> requests, BufferedReader reader, String name, Request.Builder template)
            throws IOException {
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            String url = line.strip();
            if (!url.isEmpty() && !url.startsWith("#")) {
                requests.add(parse(template, url, name + " line " + number));
            }
        }
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static Request parse(Request.Builder template, String url, String where) {
        try {
            return template.uri(url).build();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(where + ": " + e.getMessage(), e);
        }
    }
}
