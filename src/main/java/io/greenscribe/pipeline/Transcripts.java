package io.greenscribe.pipeline;

import io.greenscribe.text.TimedSegment;
import io.greenscribe.text.TimedWord;
import io.greenscribe.text.TranscriptDocument;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finished transcripts with their timed segments, and full-text search over a tenant's history
 * (PostgreSQL {@code tsvector}, queried with web-search syntax: words, "phrases", -exclusions, or).
 */
@RequiredArgsConstructor
public class Transcripts {

    private static final TypeReference<List<TimedWord>> WORDS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    /** One search result: the job, a highlighted excerpt and its rank. */
    public record Hit(UUID jobId, String excerpt, double rank) {}

    @Transactional
    void save(UUID jobId, UUID tenantId, TranscriptDocument document) {
        jdbc.sql("delete from transcript where job_id = ?").param(jobId).update();
        jdbc.sql("""
                        insert into transcript (job_id, tenant_id, language, model, duration_seconds, full_text, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        jobId,
                        tenantId,
                        document.language(),
                        document.model(),
                        document.durationSeconds(),
                        document.fullText(),
                        Timestamp.from(clock.instant()))
                .update();
        for (TimedSegment s : document.segments()) {
            jdbc.sql("""
                            insert into transcript_segment (job_id, idx, start_s, end_s, text, raw_text, language, speaker, words)
                            values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                    .params(
                            jobId,
                            s.index(),
                            s.start(),
                            s.end(),
                            s.text(),
                            s.rawText(),
                            s.language(),
                            s.speaker(),
                            s.words().isEmpty() ? null : json.writeValueAsString(s.words()))
                    .update();
        }
    }

    /** The transcript of a finished job; callers check the job belongs to the tenant asking. */
    public Optional<TranscriptDocument> find(UUID jobId) {
        List<TimedSegment> segments = jdbc.sql(
                        "select idx, start_s, end_s, text, raw_text, words, language, speaker from transcript_segment where job_id = ? order by idx")
                .param(jobId)
                .query((rs, n) -> new TimedSegment(
                        rs.getInt(1),
                        rs.getDouble(2),
                        rs.getDouble(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6) == null ? List.of() : json.readValue(rs.getString(6), WORDS),
                        rs.getString(7),
                        rs.getObject(8, Integer.class)))
                .list();
        return jdbc.sql("select language, model, duration_seconds from transcript where job_id = ?")
                .param(jobId)
                .query((rs, n) -> new TranscriptDocument(rs.getString(1), rs.getString(2), rs.getDouble(3), segments))
                .optional();
    }

    /** The tenant's transcripts matching {@code query}, best first. */
    public List<Hit> search(UUID tenantId, String query, int limit) {
        return jdbc.sql("""
                        select t.job_id, ts_headline('simple', t.full_text, q, 'MaxFragments=2'), ts_rank(t.search, q) as rank
                        from transcript t, websearch_to_tsquery('simple', ?) q
                        where t.tenant_id = ? and t.search @@ q
                        order by rank desc, t.created_at desc limit ?""")
                .params(query, tenantId, limit)
                .query((rs, n) -> new Hit(rs.getObject(1, UUID.class), rs.getString(2), rs.getDouble(3)))
                .list();
    }

    void delete(UUID jobId) {
        jdbc.sql("delete from transcript where job_id = ?").param(jobId).update();
    }
}
