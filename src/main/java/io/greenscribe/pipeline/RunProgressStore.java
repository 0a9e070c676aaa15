package io.greenscribe.pipeline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code job_progress} table: the stage each run is in, written as the stage starts in a
 * statement of its own (the steps run outside any transaction), so the API on any instance reads
 * where a run is, not only whoever runs it.
 */
@RequiredArgsConstructor
class RunProgressStore {

    /** What one row holds. */
    record Row(RunStage stage, Instant runStartedAt, Double audioSeconds, String device) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    /**
     * A run begins: its start and device are recorded. A fresh job enters DECODING; a resumed one
     * keeps the stage it reached, since Spring Batch skips the steps that completed.
     */
    void runStarted(UUID jobId, String device) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into job_progress (job_id, stage, stage_at, run_started_at, device)
                        values (?, 'DECODING', ?, ?, ?)
                        on conflict (job_id) do update set run_started_at = excluded.run_started_at,
                            device = excluded.device""").params(jobId, now, now, device).update();
    }

    void stage(UUID jobId, RunStage stage) {
        jdbc.sql("update job_progress set stage = ?, stage_at = ? where job_id = ?")
                .params(stage.name(), Timestamp.from(clock.instant()), jobId)
                .update();
    }

    /** Decoding ended: the audio's length is known from here on, long before the job ends. */
    void decoded(UUID jobId, double audioSeconds) {
        jdbc.sql("update job_progress set audio_seconds = ?, stage = 'VAD', stage_at = ? where job_id = ?")
                .params(audioSeconds, Timestamp.from(clock.instant()), jobId)
                .update();
    }

    Optional<Row> find(UUID jobId) {
        return jdbc.sql("select stage, run_started_at, audio_seconds, device from job_progress where job_id = ?")
                .param(jobId)
                .query((rs, n) -> new Row(
                        RunStage.valueOf(rs.getString(1)),
                        rs.getTimestamp(2).toInstant(),
                        (Double) rs.getObject(3),
                        rs.getString(4)))
                .optional();
    }

    void delete(UUID jobId) {
        jdbc.sql("delete from job_progress where job_id = ?").param(jobId).update();
    }
}
