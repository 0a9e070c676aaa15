package io.greenscribe.job;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The job event log. The aggregate's moves arrive as Spring Data domain events of its save, inside
 * the saving transaction, so a move and its event commit together; the queue writes its own moves'
 * events in the same statement as the move (see {@code queue/JobQueue}).
 */
@Component
@RequiredArgsConstructor
class JobEvents {

    private final JdbcClient jdbc;

    /** A move of the aggregate, published by its save. */
    record Moved(UUID job, JobEvent event) {}

    @EventListener
    void moved(Moved m) {
        JobEvent e = m.event();
        jdbc.sql("""
                        insert into job_event (job_id, at, transition, from_status, to_status, attempt, worker_id, reason, message)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        m.job(),
                        Timestamp.from(e.at()),
                        e.transition(),
                        e.from() == null ? null : e.from().name(),
                        e.to().name(),
                        e.attempt(),
                        e.workerId(),
                        e.reason(),
                        e.message())
                .update();
    }

    /** The job's events, oldest first. */
    List<JobEvent> of(UUID job) {
        return jdbc.sql("""
                        select at, transition, from_status, to_status, attempt, worker_id, reason, message
                        from job_event where job_id = ? order by id""")
                .param(job)
                .query((rs, n) -> new JobEvent(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        rs.getString(3) == null ? null : JobStatus.valueOf(rs.getString(3)),
                        JobStatus.valueOf(rs.getString(4)),
                        rs.getInt(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8)))
                .list();
    }
}
