package dev.salvo.client;

import java.io.IOException;

/** Reads the member header of RFC 1952 (magic, method, flags and the optional fields they announce). */
final class GzipHeader {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private GzipHeader() {
    }

    /** The header's length when {@code b} holds all of it, else 0; a malformed one throws. */
    static int length(byte[] b) throws IOException {
        if (b.length >= 2 && ((b[0] & 0xff) != 0x1f || (b[1] & 0xff) != 0x8b)) {
            throw new MalformedResponseException("Content-Encoding says gzip but the body is not gzip", null);
        }
        if (b.length < 10) {
            return 0;
        }
        if (b[2] != 8) {
            throw new MalformedResponseException("gzip body with compression method " + b[2] + ", not deflate", null);
        }
        int flags = b[3];
        int pos = 10;
        if ((flags & FEXTRA) != 0) {
            if (b.length < pos + 2) {
                return 0;
            }
            pos += 2 + ((b[pos] & 0xff) | (b[pos + 1] & 0xff) << 8);
        }
        for (int field : new int[] {FNAME, FCOMMENT}) {
            if ((flags & field) != 0) {
                while (pos < b.length && b[pos] != 0) {
                    pos++;
                }
                if (pos >= b.length) {
                    return 0;
                }
                pos++;
            }
        }
        if ((flags & FHCRC) != 0) {
            pos += 2;
        }
        return pos <= b.length ? pos : 0;
    }
}
