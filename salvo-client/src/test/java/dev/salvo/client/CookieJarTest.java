package dev.salvo.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.contract.Await;
import java.net.CookieManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The cookie jar, per hop: a cookie set by a redirect reaches its target. */
class CookieJarTest {
    @RegisterExtension
    static final LocalServer server = new LocalServer();

    @Test
    void aCookieSetByARedirectIsSentToItsTargetAndKept() {
        try (Salvo http = Salvo.newBuilder().cookieJar(new CookieManager()).build()) {
            Response landed = Await.value(http.send(server.get("/cookies/set?flavour=oat")));
            assertTrue(landed.uri().getPath().endsWith("/cookies"), landed.uri().toString());
            assertTrue(landed.bodyString().contains("\"flavour\"") && landed.bodyString().contains("oat"), landed.bodyString());
            Response later = Await.value(http.send(server.get("/cookies")));
            assertTrue(later.bodyString().contains("oat"), "kept in the jar: " + later.bodyString());
            Response deleted = Await.value(http.send(server.get("/cookies/delete?flavour")));
            assertFalse(deleted.bodyString().contains("oat"), "Max-Age=0 removed it: " + deleted.bodyString());
        }
    }

    @Test
    void noJarByDefault() {
        try (Salvo http = Salvo.create()) {
            Response landed = Await.value(http.send(server.get("/cookies/set?flavour=oat")));
            assertFalse(landed.bodyString().contains("oat"), landed.bodyString());
        }
    }
}
