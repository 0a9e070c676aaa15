package io.greenscribe.queue;

import static io.greenscribe.queue.QueueMove.CLAIM;
import static io.greenscribe.queue.QueueMove.HAND_BACK;
import static io.greenscribe.queue.QueueMove.PAUSE;
import static io.greenscribe.queue.QueueMove.PROMOTE;

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
        return jdbc.sql(PROMOTE.logged("update transcription_job set " + PROMOTE.set()
                        + ", queued_at = :at, version = version + 1 where " + PROMOTE.guard("") + " and run_at <= :at "
                        + "returning id, attempts, worker_id as worker"))
                .param("at", now)
                .param("reason", "planned-start-reached")
                .query(UUID.class)
                .list()
                .size();
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
        return jdbc.sql(CLAIM.logged("update transcription_job j set " + CLAIM.set() + """
                        , worker_id = :worker, lease_until = :lease, heartbeat_at = :at,
                            started_at = coalesce(j.started_at, :at), attempts = j.attempts + 1, version = j.version + 1
                        where j.id in (
                            select id from transcription_job
                            where %s and run_at <= :at
                            order by priority desc, deadline nulls last, run_at, created_at
                            limit :max
                            for update skip locked)
                        returning j.id, j.attempts, j.worker_id as worker""".formatted(CLAIM.guard(""))))
                .param("worker", workerId)
                .param("lease", Timestamp.from(now.plus(lease)))
                .param("at", Timestamp.from(now))
                .param("max", max)
                .param("reason", "claimed")
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
        return handBack("lease_until < :at", null, "lease-expired");
    }

    /** Hands one job this worker holds back to the queue at once (a transient failure: try again). */
    public boolean requeue(UUID job, String workerId) {
        return handBackOne(job, workerId, "transient-failure");
    }

    /**
     * Hands back one job that stopped at a window boundary because this worker is shutting down:
     * logged as a graceful stop, which does not count toward the job's attempts limit.
     */
    public boolean requeueStopped(UUID job, String workerId) {
        return handBackOne(job, workerId, "shutdown");
    }

    private boolean handBackOne(UUID job, String workerId, String reason) {
        return jdbc.sql(HAND_BACK.logged(handBackStatement("id = :job and worker_id = :worker")))
                        .param("at", now())
                        .param("job", job)
                        .param("worker", workerId)
                        .param("reason", reason)
                        .query(UUID.class)
                        .list()
                        .size()
                == 1;
    }

    /** Hands this worker's running jobs back to the queue at once (graceful shutdown). */
    public List<UUID> release(String workerId) {
        return handBack("worker_id = :worker", workerId, "shutdown");
    }

    private List<UUID> handBack(String which, String workerId, String reason) {
        var statement = leases.sql(HAND_BACK.logged(handBackStatement(which)))
                .param("at", now())
                .param("reason", reason);
        if (workerId != null) {
            statement = statement.param("worker", workerId);
        }
        return statement.query(UUID.class).list();
    }

    /**
     * A running job handed back to the queue: its worker and lease are gone. The old worker is read
     * from the locked rows, since the update's own {@code returning} sees the row after the move.
     */
    private static String handBackStatement(String which) {
        return "update transcription_job t set " + HAND_BACK.set()
                + ", worker_id = null, lease_until = null, queued_at = :at, version = t.version + 1"
                + " from (select id, worker_id from transcription_job where " + HAND_BACK.guard("") + " and " + which
                + " for update) old where t.id = old.id returning t.id, t.attempts, old.worker_id as worker";
    }

    /**
     * The shortest pause worth making: stopping at a window boundary waits for the windows in flight
     * (tens of seconds on a busy CPU), and a next stretch that starts before that is better run into.
     */
    static final Duration MIN_PAUSE = Duration.ofMinutes(1);

    /** A running job whose planned stretch has ended, and when its next one starts. */
    public record DuePause(UUID jobId, Instant resumeAt) {}

    /**
     * Which of this worker's running jobs are outside every stretch their plan gives them while a
     * later stretch is still to come, at least {@link #MIN_PAUSE} away: they should pause at their
     * next window boundary. Jobs without stretches (one run), or past their last one (an overrun),
     * run on.
     */
    public List<DuePause> pausesDue(String workerId, Collection<UUID> jobs) {
        if (jobs.isEmpty()) {
            return List.of();
        }
        return leases.sql("""
                        select j.id, min(n.starts_at) as resume_at
                        from transcription_job j join job_run_piece n on n.job_id = j.id and n.starts_at > :now
                        where j.id in (:ids) and j.worker_id = :worker and j.status = 'RUNNING'
                          and not exists (select 1 from job_run_piece c
                                          where c.job_id = j.id and c.starts_at <= :now and c.ends_at > :now)
                        group by j.id having min(n.starts_at) >= :soonest""")
                .param("now", now())
                .param("soonest", Timestamp.from(clock.instant().plus(MIN_PAUSE)))
                .param("ids", jobs)
                .param("worker", workerId)
                .query((rs, n) -> new DuePause(
                        rs.getObject("id", UUID.class),
                        rs.getTimestamp("resume_at").toInstant()))
                .list();
    }

    /**
     * Pauses a job this worker holds until {@code resumeAt}: its finished windows stay committed,
     * its worker and lease are dropped, and at {@code resumeAt} it is promoted like any waiting job.
     */
    public boolean pause(UUID job, String workerId, Instant resumeAt) {
        return jdbc.sql(PAUSE.logged("update transcription_job t set " + PAUSE.set()
                                + ", worker_id = null, lease_until = null, run_at = :resume, version = t.version + 1"
                                + " from (select id, worker_id from transcription_job where " + PAUSE.guard("")
                                + " and id = :job and worker_id = :worker for update) old where t.id = old.id"
                                + " returning t.id, t.attempts, old.worker_id as worker"))
                        .param("at", now())
                        .param("resume", Timestamp.from(resumeAt))
                        .param("job", job)
                        .param("worker", workerId)
                        .param("reason", "paused-until-next-piece")
                        .query(UUID.class)
                        .list()
                        .size()
                == 1;
    }

    /** Whether {@code workerId} still holds a live claim on {@code job}. */
    public boolean holds(String workerId, UUID job) {
        return jdbc.sql(
                        "select exists (select 1 from transcription_job where id = ? and worker_id = ? and status = 'RUNNING')")
                .params(job, workerId)
                .query(Boolean.class)
                .single();
    }

    /** Runnable jobs not yet claimed, for metrics and autoscaling. */
    public long depth() {
        return jdbc.sql("select count(*) from transcription_job where status = 'QUEUED'")
                .query(Long.class)
                .single();
    }

    /**
     * One count of the jobs an autoscaler cares about, grouped by status and device, in one
     * statement over the partial indexes: queued, waiting and running jobs; the oldest queued job's
     * queue time; and how many waiting jobs the planner starts within {@code lead}.
     */
    QueueCensus census(Duration lead) {
        Instant now = clock.instant();
        List<QueueCensus.Row> rows = jdbc.sql("""
                        select status, coalesce(device, 'any') as device, count(*) as jobs,
                            min(coalesce(queued_at, created_at)) filter (where status = 'QUEUED') as oldest,
                            count(*) filter (where status = 'WAITING_FOR_WINDOW' and run_at <= :soon) as soon
                        from transcription_job
                        where status in ('QUEUED', 'WAITING_FOR_WINDOW', 'RUNNING')
                        group by status, coalesce(device, 'any')""")
                .param("soon", Timestamp.from(now.plus(lead)))
                .query((rs, n) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    return new QueueCensus.Row(
                            rs.getString("status"),
                            rs.getString("device"),
                            rs.getLong("jobs"),
                            oldest == null ? null : oldest.toInstant(),
                            rs.getLong("soon"));
                })
                .list();
        return QueueCensus.of(now, rows);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
