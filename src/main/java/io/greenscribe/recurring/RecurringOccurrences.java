package io.greenscribe.recurring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code recurring_occurrence} table. Its primary key (recurring batch, local date) is the
 * claim: whichever instance inserts the row creates that occurrence's batch, in the same transaction.
 */
@RequiredArgsConstructor
class RecurringOccurrences {

    private final JdbcClient jdbc;

    /**
     * Whether the recurring batch is still enabled. The share lock makes a concurrent stop wait for
     * the occurrence being created, and an occurrence started after a stop see it.
     */
    boolean enabledLocked(UUID recurringId) {
        return jdbc.sql("select enabled from recurring_batch where id = ? for share")
                .param(recurringId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /**
     * Inserts the occurrence unless it exists. An insert that meets another transaction's
     * uncommitted row waits for it: it then finds the row (the other committed) or takes the claim
     * (the other rolled back or its instance died).
     */
    boolean claim(UUID recurringId, RecurringBatch.Occurrence o, Instant now, String note) {
        return jdbc.sql("""
                insert into recurring_occurrence (recurring_id, occurrence_key, opens_at, deadline, files, note, created_at)
                values (?, ?, ?, ?, 0, ?, ?)
                on conflict (recurring_id, occurrence_key) do nothing""")
                        .params(recurringId, Recurrence.key(o), utc(o.opens()), utc(o.deadline()), note, utc(now))
                        .update()
                == 1;
    }

    /** Locks the recurring batch (an occurrence being created holds a share lock) and deletes its occurrences. */
    void deleteAll(UUID recurringId) {
        jdbc.sql("select id from recurring_batch where id = ? for update")
                .param(recurringId)
                .query(UUID.class)
                .optional();
        jdbc.sql("delete from recurring_occurrence where recurring_id = ?")
                .param(recurringId)
                .update();
    }

    void complete(UUID recurringId, String key, UUID batchId, int files, String note) {
        jdbc.sql(
                        "update recurring_occurrence set batch_id = ?, files = ?, note = ? where recurring_id = ? and occurrence_key = ?")
                .params(batchId, files, note, recurringId, key)
                .update();
    }

    /** Of {@code paths}, those an earlier occurrence submitted, as {@link #fileKey} values. */
    Set<String> submitted(UUID recurringId, List<String> paths) {
        if (paths.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                select j.audio_path, j.audio_bytes from transcription_job j
                join recurring_occurrence o on o.batch_id = j.batch_id
                where o.recurring_id = ? and j.audio_path = any (?)""")
                .params(recurringId, paths.toArray(String[]::new))
                .query((rs, n) -> fileKey(rs.getString(1), rs.getLong(2)))
                .list());
    }

    static String fileKey(String path, long bytes) {
        return bytes + ":" + path;
    }

    List<RecurringBatchView.Occurrence> recent(UUID recurringId, int limit) {
        return jdbc.sql("""
                select occurrence_key, opens_at, deadline, batch_id, files, note, created_at
                from recurring_occurrence where recurring_id = ? order by opens_at desc limit ?""")
                .params(recurringId, limit)
                .query(RecurringOccurrences::row)
                .list();
    }

    private static RecurringBatchView.Occurrence row(ResultSet rs, int n) throws SQLException {
        return new RecurringBatchView.Occurrence(
                rs.getString(1),
                instant(rs, 2),
                instant(rs, 3),
                rs.getObject(4, UUID.class),
                rs.getInt(5),
                rs.getString(6),
                instant(rs, 7));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
