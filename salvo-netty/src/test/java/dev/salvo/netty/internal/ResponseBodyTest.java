package dev.salvo.netty.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ResponseBodyTest {

    private static ByteBuf bytes(int size, int from) {
        byte[] array = new byte[size];
        for (int i = 0; i < size; i++) {
            array[i] = (byte) (from + i);
        }
        return Unpooled.wrappedBuffer(array);
    }

    private static byte[] expected(int size) {
        byte[] array = new byte[size];
        for (int i = 0; i < size; i++) {
            array[i] = (byte) i;
        }
        return array;
    }

    @Test
    void announcedUnknownAndHugeLengthsAllGatherTheSameBytes() {
        for (long announced : new long[] {3000, -1, ResponseBody.PREALLOCATE_MAX_BYTES + 1L}) {
            ResponseBody body = new ResponseBody(10_000);
            body.begin(announced);
            assertTrue(body.append(bytes(1000, 0)));
            assertTrue(body.append(bytes(2000, 1000)));
            assertEquals(3000, body.size());
            assertArrayEquals(expected(3000), body.take(), "announced " + announced);
        }
    }

    @Test
    void refusesToPassTheMaximumAndCopiesNothingThen() {
        ResponseBody body = new ResponseBody(100);
        body.begin(-1);
        assertTrue(body.append(bytes(60, 0)));
        assertFalse(body.append(bytes(41, 60)));
        assertEquals(60, body.size());
    }

    @Test
    void aShortBodyWithinAnAnnouncedLengthIsTrimmed() {
        ResponseBody body = new ResponseBody(100);
        body.begin(50);
        body.append(bytes(10, 0));
        assertArrayEquals(expected(10), body.take());
        body.begin(0);
        assertEquals(0, body.take().length);
        body.reset();
        assertTrue(Arrays.equals(new byte[0], body.take()));
    }
}
