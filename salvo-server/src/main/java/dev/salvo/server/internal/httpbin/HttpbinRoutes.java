package dev.salvo.server.internal.httpbin;

import dev.salvo.server.internal.http.Router;

/** Registers every httpbin endpoint of this package. */
public final class HttpbinRoutes {
    private HttpbinRoutes() {
    }

    public static void addTo(Router.Builder routes) {
        EchoEndpoints.addTo(routes);
        StatusEndpoint.addTo(routes);
        DelayEndpoint.addTo(routes);
        CapacityEndpoint.addTo(routes);
        BytesEndpoints.addTo(routes);
        StreamingEndpoints.addTo(routes);
        RedirectEndpoints.addTo(routes);
        CompressedEndpoints.addTo(routes);
        AuthEndpoints.addTo(routes);
        CookieEndpoints.addTo(routes);
        CacheEndpoints.addTo(routes);
        DocumentEndpoints.addTo(routes);
        UploadEndpoint.addTo(routes);
    }
}
