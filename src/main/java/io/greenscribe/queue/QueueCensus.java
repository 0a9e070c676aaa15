package io.greenscribe.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The queue at one instant, as the autoscaling gauges show it.
 *
 * @param takenAt when the count was made
 * @param jobs jobs by gauge state ({@code queued}, {@code waiting}, {@code running}) and device;
 *     queued and waiting jobs are not bound to a device yet, so theirs is {@code any}
 * @param oldestQueued queue time of the job that has waited longest for a worker, or null
 * @param startingSoon waiting jobs whose planned start lies within the lead time
 */
record QueueCensus(Instant takenAt, Map<String, Map<String, Long>> jobs, Instant oldestQueued, long startingSoon) {

    /** The gauge's state label for each status counted, in the order the gauges list them. */
    static final Map<String, String> STATES =
            Map.of("QUEUED", "queued", "WAITING_FOR_WINDOW", "waiting", "RUNNING", "running");

    record Row(String status, String device, long jobs, Instant oldestQueued, long startingSoon) {}

    static QueueCensus empty(Instant at) {
        return of(at, List.of());
    }

    static QueueCensus of(Instant at, List<Row> rows) {
        Map<String, Map<String, Long>> jobs = new TreeMap<>();
        Instant oldest = null;
        long soon = 0;
        for (Row row : rows) {
            jobs.computeIfAbsent(STATES.get(row.status()), s -> new TreeMap<>())
                    .merge(row.device(), row.jobs(), Long::sum);
            if (row.oldestQueued() != null
                    && (oldest == null || row.oldestQueued().isBefore(oldest))) {
                oldest = row.oldestQueued();
            }
            soon += row.startingSoon();
        }
        return new QueueCensus(at, jobs, oldest, soon);
    }

    long count(String state, String device) {
        return jobs.getOrDefault(state, Map.of()).getOrDefault(device, 0L);
    }

    /** Seconds the oldest queued job has waited for a worker; 0 when none waits. */
    double oldestQueuedAgeSeconds() {
        return oldestQueued == null
                ? 0
                : Math.max(0, Duration.between(oldestQueued, takenAt).toMillis() / 1000.0);
    }
}
