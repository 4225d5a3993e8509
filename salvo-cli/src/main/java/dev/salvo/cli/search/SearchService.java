package dev.salvo.cli.search;

import dev.salvo.client.Response;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SDK surface the seed's example uses: log in, create a blocking search job, read its
 * results, cancel it. Blocking; thread-safe once logged in.
 */
final class SearchService {
    private static final Pattern SESSION_KEY = Pattern.compile("<sessionKey>\\s*([^<\\s]+)\\s*</sessionKey>");
    private static final Pattern SID = Pattern.compile("<sid>\\s*([^<\\s]+)\\s*</sid>");

    private final SearchBinding binding;

    private SearchService(SearchBinding binding) {
        this.binding = binding;
    }

    /** Logs in with {@code username}/{@code password}; later calls carry the session key. */
    static SearchService login(SearchBinding binding, String username, String password) {
        Response reply = check(binding.post("/services/auth/login", Map.of("username", username, "password", password)),
                "log in");
        return new SearchService(binding.withSessionKey(extract(SESSION_KEY, reply, "sessionKey")));
    }

    /** This session, its calls sent through {@code handler} instead: the pluggable handler. */
    SearchService withHandler(dev.salvo.client.spi.Transport handler) {
        return new SearchService(binding.withHandler(handler));
    }

    /** Runs {@code query} to completion (exec_mode=blocking), reads its results, cancels the job. */
    void search(String query) {
        Response created = check(binding.post("/services/search/jobs",
                Map.of("search", query, "exec_mode", "blocking")), "create a search job");
        String sid = extract(SID, created, "sid");
        check(binding.get("/services/search/jobs/" + sid + "/results?segmentation=none"), "read results");
        Response cancelled = binding.post("/services/search/jobs/" + sid + "/control", Map.of("action", "cancel"));
        if (cancelled.status() != 404) {
            check(cancelled, "cancel the job");
        }
    }

    private static Response check(Response reply, String what) {
        if (!reply.isSuccessful()) {
            throw new SearchException("could not " + what + ": HTTP " + reply.status() + " from " + reply.request());
        }
        return reply;
    }

    private static String extract(Pattern pattern, Response reply, String element) {
        Matcher matcher = pattern.matcher(reply.bodyString());
        if (!matcher.find()) {
            throw new SearchException("no <" + element + "> in the reply of " + reply.request());
        }
        return matcher.group(1);
    }
}
