package dev.salvo.server.internal.seed;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sessions and search jobs of the mock search-jobs API. A job is done {@code jobTime} after it
 * was created. At most {@value #MAX_JOBS} jobs are kept (a new one beyond that evicts nothing but
 * is refused), so a load test cannot grow the heap without bound. Thread-safe.
 */
final class SearchJobStore {
    static final int MAX_JOBS = 100_000;

    /** One search job. */
    record Job(String sid, String search, long doneAtNanos) {
        boolean isDone() {
            return System.nanoTime() - doneAtNanos >= 0;
        }
    }

    private final Duration jobTime;
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicLong sids = new AtomicLong(System.currentTimeMillis() / 1000 * 1000);

    SearchJobStore(Duration jobTime) {
        this.jobTime = jobTime;
    }

    Duration jobTime() {
        return jobTime;
    }

    String newSession() {
        String key = UUID.randomUUID().toString().replace("-", "");
        sessions.add(key);
        return key;
    }

    boolean isSession(String key) {
        return sessions.contains(key);
    }

    /** A new job, or empty when the store is full. */
    Optional<Job> create(String search) {
        if (jobs.size() >= MAX_JOBS) {
            return Optional.empty();
        }
        Job job = new Job(Long.toString(sids.incrementAndGet()), search, System.nanoTime() + jobTime.toNanos());
        jobs.put(job.sid(), job);
        return Optional.of(job);
    }

    Optional<Job> find(String sid) {
        return Optional.ofNullable(jobs.get(sid));
    }

    /** Removes the job; false when there was none. */
    boolean cancel(String sid) {
        return jobs.remove(sid) != null;
    }
}
