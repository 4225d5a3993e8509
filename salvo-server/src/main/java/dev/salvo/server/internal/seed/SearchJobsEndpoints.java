package dev.salvo.server.internal.seed;

import dev.salvo.server.internal.http.Exchange;
import dev.salvo.server.internal.http.HttpError;
import dev.salvo.server.internal.http.ParamParser;
import dev.salvo.server.internal.http.Router;
import dev.salvo.server.internal.strategy.Work;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seed 000's search-jobs API (Splunk-shaped, XML replies):
 * <ul>
 *   <li>{@code POST /services/auth/login}, form {@code username}, {@code password} (both non-empty,
 *       else 400) → {@code <response><sessionKey>…</sessionKey></response>}.</li>
 *   <li>{@code POST /services/search/jobs}, form {@code search} (required), {@code exec_mode}
 *       ({@code blocking} answers when the job is done, after the configured job time spent
 *       through the serving strategy; otherwise at once) → 201 {@code <response><sid>…</sid></response>}.</li>
 *   <li>{@code GET /services/search/jobs/{sid}/results}: 204 while running, then 200 with the rows
 *       ({@code | head N} rows, default 10, at most 1000); unknown sid → 404.</li>
 *   <li>{@code POST /services/search/jobs/{sid}/control}, form {@code action=cancel} → 200;
 *       unknown sid → 404; another action → 400.</li>
 * </ul>
 * Every call but login needs {@code Authorization: Splunk <sessionKey>}, else 401.
 */
final class SearchJobsEndpoints {
    private static final String XML = "text/xml; charset=utf-8";
    private static final Pattern HEAD = Pattern.compile("\\|\\s*head\\s+(\\d+)");
    private final SearchJobStore store;

    SearchJobsEndpoints(Duration jobTime) {
        this.store = new SearchJobStore(jobTime);
    }

    void addTo(Router.Builder routes) {
        routes.on("POST", "/services/auth/login", this::login);
        routes.on("POST", "/services/search/jobs", ex -> authorized(ex, this::create));
        routes.get("/services/search/jobs/{sid}/results", ex -> authorized(ex, this::results));
        routes.on("POST", "/services/search/jobs/{sid}/control", ex -> authorized(ex, this::control));
    }

    private void login(Exchange ex) {
        String user = ex.formParam("username").filter(s -> !s.isEmpty())
                .orElseThrow(() -> HttpError.badRequest("missing form field username"));
        ex.formParam("password").filter(s -> !s.isEmpty())
                .orElseThrow(() -> HttpError.badRequest("missing form field password for " + user));
        xml(ex, HttpResponseStatus.OK, "<response>\n  <sessionKey>" + store.newSession() + "</sessionKey>\n</response>\n");
    }

    private void authorized(Exchange ex, dev.salvo.server.internal.http.Endpoint endpoint) throws Exception {
        String auth = ex.header(HttpHeaderNames.AUTHORIZATION).orElse("");
        if (!auth.startsWith("Splunk ") || !store.isSession(auth.substring(7).trim())) {
            throw new HttpError(HttpResponseStatus.UNAUTHORIZED, "missing or unknown session: send Authorization: Splunk <sessionKey> from /services/auth/login");
        }
        endpoint.handle(ex);
    }

    private void create(Exchange ex) {
        String search = ex.formParam("search").filter(s -> !s.isBlank())
                .orElseThrow(() -> HttpError.badRequest("missing form field search"));
        SearchJobStore.Job job = store.create(search)
                .orElseThrow(() -> new HttpError(HttpResponseStatus.SERVICE_UNAVAILABLE, "too many search jobs; cancel some"));
        Runnable answer = () -> xml(ex, HttpResponseStatus.CREATED, "<response>\n  <sid>" + job.sid() + "</sid>\n</response>\n");
        if ("blocking".equals(ex.formParam("exec_mode").orElse("normal"))) {
            ex.spend(Work.io(store.jobTime()), answer);
        } else {
            answer.run();
        }
    }

    private void results(Exchange ex) {
        SearchJobStore.Job job = job(ex);
        if (!job.isDone()) {
            ex.reply(HttpResponseStatus.NO_CONTENT, null, Unpooled.EMPTY_BUFFER);
            return;
        }
        Matcher m = HEAD.matcher(job.search());
        int rows = m.find() ? (int) ParamParser.integer(m.group(1), "head", 0, 1000) : 10;
        StringBuilder xml = new StringBuilder(64 + rows * 64).append("<results preview='0'>\n");
        for (int i = 0; i < rows; i++) {
            xml.append("  <result offset='").append(i).append("'><field k='_raw'><v>event ").append(i)
                    .append(" of job ").append(job.sid()).append("</v></field></result>\n");
        }
        xml(ex, HttpResponseStatus.OK, xml.append("</results>\n").toString());
    }

    private void control(Exchange ex) {
        String action = ex.formParam("action").orElse("");
        if (!action.equals("cancel")) {
            job(ex);
            throw HttpError.badRequest("action must be cancel, got '" + action + "'");
        }
        if (!store.cancel(ex.pathVariable("sid"))) {
            throw HttpError.notFound("unknown search job " + ex.pathVariable("sid"));
        }
        xml(ex, HttpResponseStatus.OK, "<response>\n  <messages><msg type='INFO'>Search job cancelled.</msg></messages>\n</response>\n");
    }

    private SearchJobStore.Job job(Exchange ex) {
        return store.find(ex.pathVariable("sid"))
                .orElseThrow(() -> HttpError.notFound("unknown search job " + ex.pathVariable("sid")));
    }

    private static void xml(Exchange ex, HttpResponseStatus status, String body) {
        ex.replyText(status, XML, body);
    }
}
