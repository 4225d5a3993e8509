package dev.salvo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Headers.Builder over its growing array: order, growth past its first size, remove, set, toBuilder; Request.withHeader and tags. */
class HeadersBuilderTest {

    @Test
    void manyFieldsKeepTheirOrderPastTheFirstArray() {
        Headers.Builder builder = Headers.newBuilder();
        for (int i = 0; i < 20; i++) {
            builder.add("X-" + i, " v" + i + " ");
        }
        Headers headers = builder.build();
        assertEquals(20, headers.size());
        for (int i = 0; i < 20; i++) {
            assertEquals("X-" + i, headers.name(i));
            assertEquals("v" + i, headers.value(i), "values are stripped");
        }
    }

    @Test
    void removeAndSetDropEverySpellingOfTheName() {
        Headers headers = Headers.newBuilder()
                .add("Accept", "a").add("X-Id", "1").add("accept", "b").add("Y", "2").add("ACCEPT", "c")
                .set("x-id", "9")
                .remove("Accept")
                .build();
        assertEquals(Headers.of("Y", "2", "x-id", "9"), headers);
        assertEquals(Optional.empty(), headers.first("accept"));
        assertEquals(Optional.of("9"), headers.first("X-ID"));
        assertTrue(Headers.newBuilder().add("A", "1").remove("a").build().isEmpty());
    }

    @Test
    void toBuilderCopiesAndLeavesTheOriginalAlone() {
        Headers.Builder big = Headers.newBuilder();
        for (int i = 0; i < 12; i++) {
            big.add("N" + i, "v");
        }
        Headers original = big.build();
        Headers changed = original.toBuilder().add("Extra", "e").remove("N0").build();
        assertEquals(12, original.size());
        assertEquals("N0", original.name(0));
        assertEquals(12, changed.size());
        assertEquals("N1", changed.name(0));
        assertEquals(List.of("e"), changed.all("extra"));
    }

    @Test
    void badFieldsAreRefusedWithTheirFault() {
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> Headers.newBuilder().add("Bad Name", "v"));
        assertTrue(name.getMessage().contains("not allowed in a token"), name.getMessage());
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
                () -> Headers.newBuilder().add("X", "a\r\nInjected: 1"));
        assertTrue(value.getMessage().contains("CR, LF and NUL"), value.getMessage());
        NullPointerException nullValue = assertThrows(NullPointerException.class,
                () -> Headers.newBuilder().add("X-Null", null));
        assertTrue(nullValue.getMessage().contains("X-Null"), nullValue.getMessage());
    }

    @Test
    void withHeaderIsSetHeaderOnTheSameRequest() {
        Request original = Request.newBuilder("http://127.0.0.1:8080/a?q=1").method("PUT", RequestBody.of("x"))
                .header("Accept", "a").header("traceparent", "old").header("X-Id", "1").header("TraceParent", "older")
                .deadline(Duration.ofSeconds(3)).build();
        Request traced = original.withHeader("traceparent", " 00-abc-01 ");
        assertEquals(original.toBuilder().setHeader("traceparent", "00-abc-01").build().headers(), traced.headers());
        assertEquals(List.of("00-abc-01"), traced.headers().all("TRACEPARENT"), "every spelling replaced, the value stripped");
        assertEquals(List.of("old", "older"), original.headers().all("traceparent"), "the original is left alone");
        assertSame(original.uri(), traced.uri());
        assertSame(original.origin(), traced.origin());
        assertSame(original.body(), traced.body());
        assertEquals(original.method(), traced.method());
        assertEquals(Optional.of("text/plain; charset=UTF-8"), traced.headers().first("content-type"));
        assertEquals(original.deadline(), traced.deadline());
        assertEquals(Optional.of("a"), original.withHeader("X-New", "n").headers().first("accept"));
        assertThrows(IllegalArgumentException.class, () -> original.withHeader("Bad Name", "v"));
        assertThrows(IllegalArgumentException.class, () -> original.withHeader("X", "a\r\nInjected: 1"));
        assertThrows(NullPointerException.class, () -> original.withHeader("X", null));
    }

    @Test
    void tagsAreFoundByTypeAndKeptByEveryRebuild() {
        Request plain = Request.get("http://127.0.0.1:8080/a");
        assertEquals(Optional.empty(), plain.tag(String.class));
        Request tagged = plain.withTag(String.class, "first").withTag(Integer.class, 7).withTag(String.class, "second");
        assertEquals(Optional.of("second"), tagged.tag(String.class), "a second tag of a type replaces the first");
        assertEquals(Optional.of(7), tagged.tag(Integer.class));
        assertEquals(Optional.empty(), plain.tag(String.class), "the original is left alone");
        assertEquals(Optional.of("second"), tagged.withHeader("X", "1").tag(String.class));
        Request rebuilt = tagged.toBuilder().uri("http://127.0.0.1:9090/b").header("Y", "2").build();
        assertEquals(Optional.of("second"), rebuilt.tag(String.class));
        assertEquals(Optional.of(7), rebuilt.tag(Integer.class));
        assertEquals(Optional.of(1L), Request.newBuilder("http://127.0.0.1/").tag(Long.class, 1L).build().tag(Long.class));
        assertTrue(tagged.headers().isEmpty(), "tags are not headers");
        assertThrows(NullPointerException.class, () -> plain.withTag(String.class, null));
        assertThrows(NullPointerException.class, () -> plain.tag(null));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Object> lying = (Class) String.class;
        assertThrows(IllegalArgumentException.class, () -> plain.withTag(lying, 3));
    }
}
