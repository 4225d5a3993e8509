package dev.salvo.netty.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

class KeepAliveTest {

    private static HttpResponse response(HttpVersion version, String connection) {
        HttpResponse response = new DefaultHttpResponse(version, HttpResponseStatus.OK);
        if (connection != null) {
            response.headers().set("Connection", connection);
        }
        return response;
    }

    @Test
    void http11StaysOpenUnlessToldToClose() {
        assertTrue(KeepAlive.allowedBy(response(HttpVersion.HTTP_1_1, null)));
        assertTrue(KeepAlive.allowedBy(response(HttpVersion.HTTP_1_1, "keep-alive")));
        assertTrue(KeepAlive.allowedBy(response(HttpVersion.HTTP_1_1, "closed-captions")));
        assertFalse(KeepAlive.allowedBy(response(HttpVersion.HTTP_1_1, "close")));
        assertFalse(KeepAlive.allowedBy(response(HttpVersion.HTTP_1_1, "Upgrade ,  CLOSE ")));
    }

    @Test
    void http10StaysOpenOnlyWhenAsked() {
        assertFalse(KeepAlive.allowedBy(response(HttpVersion.HTTP_1_0, null)));
        assertTrue(KeepAlive.allowedBy(response(HttpVersion.HTTP_1_0, "Keep-Alive")));
        assertFalse(KeepAlive.allowedBy(response(HttpVersion.HTTP_1_0, "close")));
    }

    @Test
    void tokensAreWholeListItems() {
        assertTrue(KeepAlive.hasToken("a, b,c", "c"));
        assertFalse(KeepAlive.hasToken("abc", "b"));
        assertFalse(KeepAlive.hasToken("", "close"));
        assertFalse(KeepAlive.hasToken(",,", "close"));
    }
}
