package dev.salvo.server.internal.seed;

import dev.salvo.server.ServerConfig;
import dev.salvo.server.internal.http.Router;

/** Registers the seed scenarios' services. */
public final class SeedRoutes {
    private SeedRoutes() {
    }

    public static void addTo(Router.Builder routes, ServerConfig config) {
        ExpensiveEndpoint.addTo(routes);
        new BooksEndpoint(config.booksLatency()).addTo(routes);
        new SearchJobsEndpoints(config.searchJobTime()).addTo(routes);
    }
}
