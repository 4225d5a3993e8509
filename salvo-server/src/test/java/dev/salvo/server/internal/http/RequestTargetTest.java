package dev.salvo.server.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Request-targets in absolute form (sent to proxies) route like their origin form. */
class RequestTargetTest {
    @ParameterizedTest
    @CsvSource({
        "/get?a=1, /get?a=1",
        "http://salvo.invalid/get?a=1, /get?a=1",
        "HTTP://Salvo.Invalid:8080/status/418, /status/418",
        "https://h/, /",
        "http://h, /",
        "http://h?x=1, /?x=1",
        "*, *"
    })
    void originForm(String target, String expected) {
        assertEquals(expected, Exchange.originForm(target));
    }
}
