package io.greenscribe.queue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The queue is the {@code transcription_job} table itself. Each statement here is one atomic step
 * that is safe with any number of instances on the same database: a claim locks the rows it takes
 * and skips rows another claim holds, so no job is handed out twice; a lease that is not renewed
 * lets the reaper hand the job out again. Every write bumps {@code version}, which the JPA
 * aggregate checks, so a cancel racing a claim fails instead of overwriting it.
 */
@Component
public class JobQueue {

    private final JdbcClient jdbc;
    /** Heartbeat, reaper and release: a pool of their own, so a busy main pool cannot starve them. */
    private final JdbcClient leases;
    private final Clock clock;

    JobQueue(JdbcClient jdbc, LeaseDatabase leases, Clock clock) {
        this.jdbc = jdbc;
        this.leases = leases.jdbc();
        this.clock = clock;
    }

    /** Moves waiting jobs whose time has come into the queue; returns how many. */
    public int promoteDue() {
        Timestamp now = now();
        return jdbc.sql("""
                        update transcription_job set status = 'QUEUED', queued_at = ?, version = version + 1
                        where status = 'WAITING_FOR_WINDOW' and run_at <= ?""")
                .params(now, now).update();
    }

    /**
     * Claims up to {@code max} runnable jobs for {@code workerId} in one statement: highest priority
     * first, then earliest deadline (the carbon planner's capacity bookings assume due jobs are served
     * that way; jobs without a deadline come after), then oldest.
     *
     * @return the ids claimed, possibly none
     */
    public List<UUID> claim(String workerId, int max, Duration lease) {
        if (max <= 0) {
            return List.of();
        }
        Instant now = clock.instant();
        return jdbc.sql("""
                        update transcription_job j
                        set status = 'RUNNING', worker_id = :worker, lease_until = :lease, heartbeat_at = :now,
                            started_at = coalesce(j.started_at, :now), attempts = j.attempts + 1, version = j.version + 1
                        where j.id in (
                            select id from transcription_job
                            where status = 'QUEUED' and run_at <= :now
                            order by priority desc, deadline nulls last, run_at, created_at
                            limit :max
                            for update skip locked)
                        returning j.id""")
                .param("worker", workerId)
                .param("lease", Timestamp.from(now.plus(lease)))
                .param("now", Timestamp.from(now))
                .param("max", max)
                .query(UUID.class)
                .list();
    }

    /**
     * Renews the leases this worker holds on {@code jobs}.
     *
     * @return the jobs among {@code jobs} this worker no longer holds (cancelled, or reaped after
     *     a stall); their work should stop
     */
    public List<UUID> heartbeat(String workerId, Collection<UUID> jobs, Duration lease) {
        if (jobs.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<UUID> renewed = leases.sql("""
                        update transcription_job set lease_until = :lease, heartbeat_at = :now
                        where id in (:ids) and worker_id = :worker and status = 'RUNNING'
                        returning id""")
                .param("lease", Timestamp.from(now.plus(lease)))
                .param("now", Timestamp.from(now))
                .param("ids", jobs)
                .param("worker", workerId)
                .query(UUID.class)
                .list();
        return jobs.stream().filter(id -> !renewed.contains(id)).toList();
    }

    /** Re-queues running jobs whose lease ran out (their worker died or stalled); returns their ids. */
    public List<UUID> reapExpired() {
        Timestamp now = now();
        return leases.sql("""
                        update transcription_job
                        set status = 'QUEUED', worker_id = null, lease_until = null, queued_at = ?, version = version + 1
                        where status = 'RUNNING' and lease_until < ?
                        returning id""")
                .params(now, now)
                .query(UUID.class)
                .list();
    }

    /** Hands one job this worker holds back to the queue at once (a transient failure: try again). */
    public boolean requeue(UUID job, String workerId) {
        return jdbc.sql("""
                        update transcription_job
                        set status = 'QUEUED', worker_id = null, lease_until = null, queued_at = ?, version = version + 1
                        where id = ? and status = 'RUNNING' and worker_id = ?""")
                .params(now(), job, workerId)
                .update() == 1;
    }

    /** Hands this worker's running jobs back to the queue at once (graceful shutdown). */
    public List<UUID> release(String workerId) {
        return leases.sql("""
                        update transcription_job
                        set status = 'QUEUED', worker_id = null, lease_until = null, queued_at = ?, version = version + 1
                        where status = 'RUNNING' and worker_id = ?
                        returning id""")
                .params(now(), workerId)
                .query(UUID.class)
                .list();
    }

    /** Whether {@code workerId} still holds a live claim on {@code job}. */
    public boolean holds(String workerId, UUID job) {
        return jdbc.sql("select exists (select 1 from transcription_job where id = ? and worker_id = ? and status = 'RUNNING')")
                .params(job, workerId).query(Boolean.class).single();
    }

    /** Runnable jobs not yet claimed, for metrics and autoscaling. */
    public long depth() {
        return jdbc.sql("select count(*) from transcription_job where status = 'QUEUED'").query(Long.class).single();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
