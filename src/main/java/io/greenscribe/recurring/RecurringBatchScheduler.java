package io.greenscribe.recurring;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every poll interval, creates the occurrences whose window has opened (opens ≤ now < deadline)
 * for every enabled recurring batch. Occurrences whose deadline passed while no instance was
 * polling are not created: their work could no longer finish in time. Any number of instances may
 * poll; {@link OccurrenceSubmitter} makes each occurrence happen once.
 */
@RequiredArgsConstructor
public class RecurringBatchScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecurringBatchScheduler.class);

    private final RecurrenceRepository recurrences;
    private final OccurrenceSubmitter submitter;
    private final RecurringProperties properties;
    private final Clock clock;
    private volatile ScheduledExecutorService timer;

    /** One poll: returns how many occurrences this call created. Tests call it directly. */
    public int tick() {
        Instant now = clock.instant();
        int created = 0;
        for (Recurrence r : recurrences.findByEnabledTrue()) {
            try {
                for (RecurringBatch.Occurrence o : r.open(now)) {
                    if (submitter.submit(r.id, o)) {
                        created++;
                    }
                }
            } catch (RuntimeException e) {
                // one broken recurring batch must not hold up the others
                log.warn("Recurring batch {} was skipped this poll", r.id, e);
            }
        }
        return created;
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "recurring-batches");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.pollInterval().toMillis();
        t.scheduleWithFixedDelay(this::guardedTick, 0, every, TimeUnit.MILLISECONDS);
        timer = t;
        log.info("Recurring batches polled every {}", properties.pollInterval());
    }

    private void guardedTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("Recurring batch poll failed; next poll in {}", properties.pollInterval(), e);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService t = timer;
        timer = null;
        if (t != null) {
            t.shutdownNow();
            try {
                t.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
