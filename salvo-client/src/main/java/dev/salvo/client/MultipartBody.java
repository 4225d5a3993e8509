package dev.salvo.client;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Builds a {@code multipart/form-data} {@link RequestBody}: text fields are kept in memory, file parts
 * are opened only when the body is sent, one after another, so a large file is streamed, not loaded.
 * The length is known (files are measured when added), and the body can be sent again.
 */
public final class MultipartBody {
    private MultipartBody() {
    }

    static Builder newBuilder() {
        return new Builder();
    }

    /** Collects the parts; not thread-safe. */
    public static final class Builder {
        private final String boundary = "salvo-" + UUID.randomUUID();
        private final List<Supplier<InputStream>> parts = new ArrayList<>();
        private long length;

        private Builder() {
        }

        /** A text field. */
        public Builder field(String name, String value) {
            Objects.requireNonNull(value, "value");
            byte[] text = value.getBytes(StandardCharsets.UTF_8);
            addBytes(head(name, null, "text/plain; charset=UTF-8"));
            addBytes(text);
            addBytes(crlf());
            return this;
        }

        /** A file part named {@code name}, streamed from {@code file} when sent. */
        public Builder file(String name, Path file, String contentType) {
            Objects.requireNonNull(contentType, "contentType");
            RequestBody body = RequestBody.ofFile(file); // checks it is readable and measures it
            String filename = file.getFileName() == null ? "file" : file.getFileName().toString();
            addBytes(head(name, filename, contentType));
            parts.add(() -> RequestBody.open(file));
            length += body.length();
            addBytes(crlf());
            return this;
        }

        public RequestBody build() {
            if (parts.isEmpty()) {
                throw new IllegalStateException("a multipart body needs at least one part");
            }
            List<Supplier<InputStream>> all = new ArrayList<>(parts);
            byte[] end = ("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
            all.add(() -> new ByteArrayInputStream(end));
            long total = length + end.length;
            return RequestBody.ofParts(() -> new SequenceInputStream(lazily(all.iterator())), total,
                    "multipart/form-data; boundary=" + boundary);
        }

        private byte[] head(String name, String filename, String contentType) {
            Objects.requireNonNull(name, "name");
            for (String value : filename == null ? List.of(name, contentType) : List.of(name, filename, contentType)) {
                if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('"') >= 0) {
                    throw new IllegalArgumentException("multipart name, filename and type must not contain CR, LF "
                            + "or quotes, got \"" + value.replace("\r", "\\r").replace("\n", "\\n") + '"');
                }
            }
            String disposition = "Content-Disposition: form-data; name=\"" + name + '"'
                    + (filename == null ? "" : "; filename=\"" + filename + '"');
            return ("--" + boundary + "\r\n" + disposition + "\r\nContent-Type: " + contentType + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8);
        }

        private static byte[] crlf() {
            return new byte[] {'\r', '\n'};
        }

        private void addBytes(byte[] bytes) {
            parts.add(() -> new ByteArrayInputStream(bytes));
            length += bytes.length;
        }

        /** Opens each part only when the one before it has been read. */
        private static Enumeration<InputStream> lazily(Iterator<Supplier<InputStream>> suppliers) {
            return new Enumeration<>() {
                @Override
                public boolean hasMoreElements() {
                    return suppliers.hasNext();
                }

                @Override
                public InputStream nextElement() {
                    return suppliers.next().get();
                }
            };
        }
    }
}
