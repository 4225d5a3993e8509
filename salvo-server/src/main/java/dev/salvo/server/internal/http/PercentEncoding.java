package dev.salvo.server.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * The check Netty's {@code QueryStringDecoder} leaves out: that what percent-escapes spell is valid
 * UTF-8 ({@code %c3%28} and {@code %ff} decode to replacement characters there, silently). Only
 * escapes of bytes at 0x80 and above can break UTF-8, so a target without them costs one scan.
 * Stateless and thread-safe.
 */
final class PercentEncoding {
    private PercentEncoding() {
    }

    /**
     * Throws IllegalArgumentException when the escapes in {@code raw} (already known to be
     * well-formed) do not spell valid UTF-8.
     */
    static void requireUtf8(String raw) {
        if (!hasHighEscape(raw)) {
            return;
        }
        byte[] bytes = new byte[raw.length() * 3];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                bytes[n++] = (byte) Integer.parseInt(raw, i + 1, i + 3, 16);
                i += 2;
            } else if (c < 0x80) {
                bytes[n++] = (byte) c;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(utf8, 0, bytes, n, utf8.length);
                n += utf8.length;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, n));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("percent-escapes that are not valid UTF-8", e);
        }
    }

    private static boolean hasHighEscape(String raw) {
        for (int i = raw.indexOf('%'); i >= 0 && i + 1 < raw.length(); i = raw.indexOf('%', i + 1)) {
            char hi = raw.charAt(i + 1);
            if (hi >= '8' && hi <= '9' || hi >= 'a' && hi <= 'f' || hi >= 'A' && hi <= 'F') {
                return true;
            }
        }
        return false;
    }
}
