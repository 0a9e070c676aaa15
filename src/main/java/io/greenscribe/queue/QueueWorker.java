package io.greenscribe.queue;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This instance's share of the work: polls for runnable jobs while it has capacity, keeps the
 * leases of its running jobs alive, and reaps the expired leases of any instance. Starts after the
 * rest of the application (it is a late {@link SmartLifecycle} phase) and hands its jobs back when
 * the application stops.
 */
@Component
public class QueueWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueWorker.class);

    private final JobQueue queue;
    private final JobHandler handler;
    private final QueueProperties properties;
    private final String workerId;
    private final Map<UUID, Future<?>> running = new ConcurrentHashMap<>();
    private ScheduledExecutorService timers;
    private ExecutorService workers;
    private volatile boolean started;

    QueueWorker(JobQueue queue, JobHandler handler, QueueProperties properties) {
        this.queue = queue;
        this.handler = handler;
        this.properties = properties;
        this.workerId = properties.workerId() == null || properties.workerId().isBlank()
                ? hostName() + "-" + UUID.randomUUID().toString().substring(0, 6)
                : properties.workerId();
    }

    public String workerId() {
        return workerId;
    }

    /** Jobs this instance is running now. */
    public int runningJobs() {
        return running.size();
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        timers = Executors.newScheduledThreadPool(2, threads("queue-timer-", true));
        workers = Executors.newFixedThreadPool(properties.concurrentJobs(), threads("job-", true));
        long poll = properties.pollInterval().toMillis();
        timers.scheduleWithFixedDelay(guard(this::poll), 0, poll, TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(
                guard(this::heartbeat),
                properties.heartbeatInterval().toMillis(),
                properties.heartbeatInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(
                guard(this::reap), 0, properties.reapInterval().toMillis(), TimeUnit.MILLISECONDS);
        started = true;
        log.info(
                "Queue worker {} started: {} concurrent job(s), lease {}",
                workerId,
                properties.concurrentJobs(),
                properties.lease());
    }

    /** Synchronized: the timer and a finishing job may both poll, and must not both fill the free slots. */
    synchronized void poll() {
        if (!started) {
            return; // stopping: claim nothing more
        }
        queue.promoteDue();
        int free = properties.concurrentJobs() - running.size();
        for (UUID id : queue.claim(workerId, free, properties.lease())) {
            running.put(id, workers.submit(() -> execute(id)));
        }
    }

    private void execute(UUID id) {
        try {
            handler.run(id, workerId);
        } catch (RuntimeException e) {
            log.error("Job {} escaped its handler", id, e);
        } finally {
            running.remove(id);
            pollSoon();
        }
    }

    /**
     * A finished job frees a slot: claim the next one now rather than on the next tick. With
     * 8-second clips the 500 ms tick alone left the device idle for 15 % of the time.
     */
    private void pollSoon() {
        ScheduledExecutorService t = timers;
        if (started && t != null && !t.isShutdown()) {
            try {
                t.execute(guard(this::poll));
            } catch (RejectedExecutionException e) {
                // shutting down: nothing more to claim
            }
        }
    }

    void heartbeat() {
        List<UUID> lost = queue.heartbeat(workerId, List.copyOf(running.keySet()), properties.lease());
        if (started) { // stopping hands everything back anyway
            for (JobQueue.DuePause due : queue.pausesDue(workerId, List.copyOf(running.keySet()))) {
                handler.pause(due.jobId(), due.resumeAt());
            }
        }
        for (UUID id : lost) {
            Future<?> work = running.get(id);
            if (work != null) {
                log.info("Job {} is no longer held by {} (cancelled or reaped); stopping it", id, workerId);
                handler.stop(id);
                work.cancel(true);
            }
        }
    }

    void reap() {
        List<UUID> reaped = queue.reapExpired();
        if (!reaped.isEmpty()) {
            log.warn("Re-queued {} job(s) whose worker stopped renewing its lease: {}", reaped.size(), reaped);
        }
    }

    private static Runnable guard(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("Queue task failed; retrying on the next tick", e);
            }
        };
    }

    /**
     * Graceful shutdown (SIGTERM): claim nothing more, ask every running job to stop at its next
     * window boundary (its handler hands it back to the queue, finished windows kept), and wait up to
     * {@code shutdown-grace} for that. Jobs still running then are handed back at once and their
     * threads interrupted; the rows are released first, so nothing those threads do afterwards can
     * mark them failed. Heartbeats go on meanwhile. The models close after this returns.
     */
    @Override
    public void stop() {
        synchronized (this) { // no poll in progress can claim after this
            if (!started) {
                return;
            }
            started = false;
        }
        List<UUID> stopping = List.copyOf(running.keySet());
        if (!stopping.isEmpty()) {
            log.info(
                    "Shutting down: asking {} running job(s) to stop at their next window and go back to the queue",
                    stopping.size());
        }
        for (UUID id : stopping) {
            try {
                handler.stop(id);
            } catch (RuntimeException e) {
                log.warn("Could not ask job {} to stop; it is handed back when the grace period ends", id, e);
            }
        }
        workers.shutdown();
        if (!await(workers, properties.shutdownGrace())) {
            log.warn(
                    "{} job(s) still running after {}; handing them back now, their unfinished windows will be redone",
                    running.size(),
                    properties.shutdownGrace());
            releaseAll();
            workers.shutdownNow();
            await(workers, java.time.Duration.ofSeconds(5));
        }
        timers.shutdownNow();
        releaseAll();
    }

    private void releaseAll() {
        try {
            List<UUID> released = queue.release(workerId);
            if (!released.isEmpty()) {
                log.info("Handed {} running job(s) back to the queue on shutdown", released.size());
            }
        } catch (RuntimeException e) {
            log.warn("Could not hand running jobs back; the reaper will after the lease expires", e);
        }
    }

    private static boolean await(ExecutorService pool, java.time.Duration limit) {
        try {
            return pool.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    @Override
    public int getPhase() {
        // after the web server (so the API is up first), stopped before the datasource goes away
        return Integer.MAX_VALUE - 100;
    }

    private static java.util.concurrent.ThreadFactory threads(String prefix, boolean daemon) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return task -> {
            Thread t = new Thread(task, prefix + n.incrementAndGet());
            t.setDaemon(daemon);
            return t;
        };
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "worker";
        }
    }
}
