package dev.salvo.bench.internal;

import dev.salvo.bench.ErrorKind;
import dev.salvo.client.Headers;
import dev.salvo.client.HttpVersion;
import dev.salvo.client.Response;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The live counts of one run: two latency {@link Recorder}s (from the intended send time and
 * from the actual one, in microseconds), status codes, bytes and errors. Written concurrently by
 * completion callbacks; {@link #cut} hands the clock thread what was recorded since the last cut.
 */
final class Tally {
    /** Bytes of a status line ("HTTP/1.1 200 OK\r\n") and of the blank line ending the headers. */
    private static final int STATUS_LINE_AND_BLANK_LINE = 17 + 2;
    private static final int STATUS_CODES = 1000;

    /** From the intended send time; the same recorder as {@link #fromSend} when both times are always equal. */
    private final Recorder fromIntended;
    private final Recorder fromSend = new Recorder(3);
    private final AtomicLongArray statuses = new AtomicLongArray(STATUS_CODES);
    private final AtomicLongArray protocols = new AtomicLongArray(HttpVersion.values().length);
    private final LongAdder bytes = new LongAdder();
    private final LongAdder measuredDone = new LongAdder();
    private final LongAdder anyDone = new LongAdder();
    private final Map<ErrorKind, ErrorSamples> errorsByKind = new EnumMap<>(ErrorKind.class);
    private Histogram spareIntended;
    private Histogram spareSend;
    private final long[] statusesAtLastCut = new long[STATUS_CODES];
    private final Map<ErrorKind, Long> errorsAtLastCut = new EnumMap<>(ErrorKind.class);

    /** @param intendedDiffersFromSent true in the open model, where sends can leave after their intended time */
    Tally(boolean intendedDiffersFromSent) {
        fromIntended = intendedDiffersFromSent ? new Recorder(3) : fromSend;
        for (ErrorKind kind : ErrorKind.values()) {
            errorsByKind.put(kind, new ErrorSamples());
        }
    }

    /** Records a measured response that was meant to leave at {@code intended}, left at {@code sent}. */
    void response(long intended, long sent, long done, Response response) {
        fromSend.recordValue(micros(done - sent));
        if (fromIntended != fromSend) {
            fromIntended.recordValue(micros(done - intended));
        }
        statuses.incrementAndGet(response.status());
        protocols.incrementAndGet(response.version().ordinal());
        bytes.add(responseBytes(response));
        measuredDone.increment();
    }

    /** Records a measured failure. */
    void failure(ErrorKind kind, String message) {
        errorsByKind.get(kind).add(message);
        measuredDone.increment();
    }

    /** Counts a completion of any request, measured or not (for the progress line). */
    void anyCompletion() {
        anyDone.increment();
    }

    long measuredDone() {
        return measuredDone.sum();
    }

    long anyDone() {
        return anyDone.sum();
    }

    long bytes() {
        return bytes.sum();
    }

    /** What was recorded since the last cut; only the clock thread calls this. */
    Cut cut() {
        Histogram send = fromSend.getIntervalHistogram(spareSend);
        Histogram intended = fromIntended == fromSend ? send : fromIntended.getIntervalHistogram(spareIntended);
        SortedMap<Integer, Long> statusesNow = new TreeMap<>();
        for (int code = 0; code < STATUS_CODES; code++) {
            long count = statuses.get(code);
            if (count != statusesAtLastCut[code]) {
                statusesNow.put(code, count - statusesAtLastCut[code]);
                statusesAtLastCut[code] = count;
            }
        }
        Map<ErrorKind, Long> errorsNow = new EnumMap<>(ErrorKind.class);
        errorsByKind.forEach((kind, samples) -> {
            long count = samples.count();
            long before = errorsAtLastCut.getOrDefault(kind, 0L);
            if (count != before) {
                errorsNow.put(kind, count - before);
                errorsAtLastCut.put(kind, count);
            }
        });
        Cut cut = new Cut(intended.copy(), send.copy(), statusesNow, errorsNow);
        spareIntended = intended;
        spareSend = send;
        return cut;
    }

    /** Status code → count, ascending, only codes seen. */
    SortedMap<Integer, Long> statuses() {
        SortedMap<Integer, Long> seen = new TreeMap<>();
        for (int code = 0; code < statuses.length(); code++) {
            long count = statuses.get(code);
            if (count > 0) {
                seen.put(code, count);
            }
        }
        return seen;
    }

    /** Protocol name ({@code HTTP/1.1}, {@code HTTP/2}) → measured responses, only those seen. */
    SortedMap<String, Long> protocols() {
        SortedMap<String, Long> seen = new TreeMap<>();
        for (HttpVersion version : HttpVersion.values()) {
            long count = protocols.get(version.ordinal());
            if (count > 0) {
                seen.put(version.toString(), count);
            }
        }
        return seen;
    }

    Map<ErrorKind, ErrorSamples> errorsByKind() {
        return errorsByKind;
    }

    private static long micros(long nanos) {
        return Math.max(1, nanos / 1000);
    }

    private static long responseBytes(Response response) {
        long size = response.bodyLength() + STATUS_LINE_AND_BLANK_LINE;
        Headers headers = response.headers();
        for (int i = 0; i < headers.size(); i++) {
            size += headers.name(i).length() + headers.value(i).length() + 4;
        }
        return size;
    }

    /** One interval's latencies (µs) from the intended and the actual send time, its status codes and errors. */
    record Cut(Histogram fromIntended, Histogram fromSend, SortedMap<Integer, Long> statuses,
            Map<ErrorKind, Long> errors) {
    }
}
