package dev.salvo.server.internal.httpbin;

import dev.salvo.server.internal.http.Exchange;
import dev.salvo.server.internal.http.HttpError;
import dev.salvo.server.internal.http.ParamParser;
import dev.salvo.server.internal.http.Router;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code /status/{code}}, any method: replies with that status; {@code 200,404} picks uniformly,
 * {@code 200:0.7,429:0.3} by weight. 3xx carry {@code Location: /redirect/1}, 401
 * {@code WWW-Authenticate}, 418 a teapot. Codes outside [100, 599], 1xx (not a final reply), non-numbers and bad weights → 400.
 */
final class StatusEndpoint {
    private StatusEndpoint() {
    }

    static void addTo(Router.Builder routes) {
        routes.any("/status/{code}", StatusEndpoint::handle);
    }

    private static void handle(Exchange ex) {
        int code = pick(ex.pathVariable("code"));
        if (code < 200) {
            throw HttpError.badRequest("status " + code + " is informational (1xx) and cannot be a final reply");
        }
        HttpResponseStatus status = HttpResponseStatus.valueOf(code);
        if (code >= 300 && code < 400) {
            ex.responseHeader(HttpHeaderNames.LOCATION, "/redirect/1");
        } else if (code == 401) {
            ex.responseHeader(HttpHeaderNames.WWW_AUTHENTICATE, "Basic realm=\"Fake Realm\"");
        } else if (code == 418) {
            ex.replyText(status, "text/plain; charset=utf-8", "I'm a teapot!\n");
            return;
        }
        ex.reply(status, null, Unpooled.EMPTY_BUFFER);
    }

    private static int pick(String spec) {
        String[] choices = spec.split(",", -1);
        int[] codes = new int[choices.length];
        double[] weights = new double[choices.length];
        double total = 0;
        for (int i = 0; i < choices.length; i++) {
            String[] parts = choices[i].split(":", -1);
            if (parts.length > 2) {
                throw HttpError.badRequest("invalid status choice '" + choices[i] + "'");
            }
            codes[i] = (int) ParamParser.integer(parts[0], "status code", 100, 599);
            weights[i] = parts.length == 2 ? ParamParser.decimal(parts[1], "weight of " + parts[0], 0, 1e9) : 1;
            total += weights[i];
        }
        if (total <= 0) {
            throw HttpError.badRequest("status weights must not all be zero");
        }
        double r = ThreadLocalRandom.current().nextDouble(total);
        for (int i = 0; i < codes.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return codes[i];
            }
        }
        return codes[codes.length - 1];
    }
}
