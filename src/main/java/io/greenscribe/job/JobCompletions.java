package io.greenscribe.job;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Signals when a job ends, for requests that answer only then (the OpenAI-compatible endpoint).
 * A run that ends on this instance completes its waiters at once; a run that ends on another
 * instance is found by one query per sweep over all waiting ids, so no request holds a thread
 * while it waits.
 */
public class JobCompletions implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobCompletions.class);
    private static final Set<JobStatus> ENDED = EnumSet.of(JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED);

    private final TranscriptionJobRepository jobs;
    private final Map<UUID, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "job-completions");
        t.setDaemon(true);
        return t;
    });

    JobCompletions(TranscriptionJobRepository jobs, Duration sweep) {
        this.jobs = jobs;
        sweeper.scheduleWithFixedDelay(this::sweep, sweep.toMillis(), sweep.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Completes when job {@code id} has ended (succeeded, failed or cancelled), wherever it ran. */
    public CompletableFuture<Void> ended(UUID id) {
        CompletableFuture<Void> f = waiting.computeIfAbsent(id, k -> new CompletableFuture<>());
        f.whenComplete((v, e) -> waiting.remove(id, f));
        return f;
    }

    /** Told by this instance whenever a job ends. */
    void jobEnded(UUID id) {
        CompletableFuture<Void> f = waiting.get(id);
        if (f != null) {
            f.complete(null);
        }
    }

    private void sweep() {
        if (waiting.isEmpty()) {
            return;
        }
        try {
            List<UUID> ended = jobs.idsIn(List.copyOf(waiting.keySet()), ENDED);
            ended.forEach(this::jobEnded);
        } catch (RuntimeException e) {
            log.warn("Could not check waiting jobs for their end; retrying at the next sweep: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        sweeper.shutdownNow();
        waiting.values().forEach(f -> f.cancel(false));
    }
}
