package dev.salvo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Headers.Builder over its growing array: order, growth past its first size, remove, set, toBuilder. */
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
}
