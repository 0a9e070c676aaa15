package io.greenscribe.webhook;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code webhook_delivery} table. */
@RequiredArgsConstructor
public class JdbcDeliveryLog implements DeliveryLog {

    /** A job whose latest notice was not delivered and will not be retried by itself. */
    public record Undelivered(UUID jobId, String audioName, DeliveryAttempt last) {}

    private final JdbcClient jdbc;

    @Override
    public void record(UUID jobId, DeliveryAttempt a) {
        // the job may have been deleted meanwhile: then there is nothing to keep the attempt with
        jdbc.sql("""
                        insert into webhook_delivery (job_id, attempt, attempted_at, url, http_status, outcome, error)
                        select id, cast(? as int), cast(? as timestamptz), cast(? as text), cast(? as int), cast(? as text),
                            cast(? as text) from transcription_job where id = ?""")
                .params(
                        a.attempt(),
                        Timestamp.from(a.at()),
                        a.url(),
                        a.httpStatus(),
                        a.outcome().name(),
                        a.error() == null
                                ? null
                                : a.error().substring(0, Math.min(a.error().length(), 1000)),
                        jobId)
                .update();
    }

    @Override
    public List<DeliveryAttempt> attempts(UUID jobId) {
        return jdbc.sql("""
                        select attempt, attempted_at, url, http_status, outcome, error from webhook_delivery
                        where job_id = ? order by id""")
                .param(jobId)
                .query((rs, n) -> new DeliveryAttempt(
                        rs.getInt(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        (Integer) rs.getObject(4),
                        DeliveryAttempt.Outcome.valueOf(rs.getString(5)),
                        rs.getString(6)))
                .list();
    }

    /** The tenant's jobs whose last delivery attempt gave up or was refused, newest first. */
    public List<Undelivered> undelivered(UUID tenantId, int limit) {
        return jdbc.sql("""
                        select j.id, j.audio_name, d.attempt, d.attempted_at, d.url, d.http_status, d.outcome, d.error
                        from transcription_job j
                        join lateral (select * from webhook_delivery w where w.job_id = j.id order by w.id desc limit 1) d on true
                        where j.tenant_id = ? and d.outcome in ('GAVE_UP', 'REFUSED')
                        order by d.attempted_at desc limit ?""")
                .params(tenantId, limit)
                .query((rs, n) -> new Undelivered(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        new DeliveryAttempt(
                                rs.getInt(3),
                                rs.getTimestamp(4).toInstant(),
                                rs.getString(5),
                                (Integer) rs.getObject(6),
                                DeliveryAttempt.Outcome.valueOf(rs.getString(7)),
                                rs.getString(8))))
                .list();
    }
}
