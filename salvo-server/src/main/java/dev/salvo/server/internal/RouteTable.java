package dev.salvo.server.internal;

import dev.salvo.server.ServerConfig;
import dev.salvo.server.internal.fault.FaultEndpoints;
import dev.salvo.server.internal.http.Router;
import dev.salvo.server.internal.httpbin.HttpbinRoutes;
import dev.salvo.server.internal.seed.SeedRoutes;

/** Every route the server answers: httpbin, the seed services and the fault endpoints. */
final class RouteTable {
    private RouteTable() {
    }

    static Router build(ServerConfig config) {
        Router.Builder routes = Router.newBuilder();
        HttpbinRoutes.addTo(routes);
        SeedRoutes.addTo(routes, config);
        new FaultEndpoints().addTo(routes);
        return routes.build();
    }
}
