package io.greenscribe.pipeline;

import io.greenscribe.asr.Segment;
import io.greenscribe.asr.WindowTranscript;
import io.greenscribe.vad.SpeechWindow;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code job_window} table: a job's windows and each window's result. A window moves from
 * PENDING to DONE exactly once; readers of work only ever see PENDING windows, so a restart never
 * recognizes a finished window again.
 *
 * <p>The steps that decode and recognize audio run without a database transaction (see
 * {@code PipelineConfiguration}); each method they call here takes a connection, runs its own short
 * transaction and gives the connection back, so none is held while audio is being worked on.
 */
class JobWindows {

    private static final TypeReference<List<Segment>> SEGMENTS = new TypeReference<>() {};
    private static final TypeReference<List<int[]>> PIECES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate shortTx;

    JobWindows(JdbcClient jdbc, JsonMapper json, Clock clock, PlatformTransactionManager tx) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.shortTx = new TransactionTemplate(tx);
        // its own transaction even when called inside one: the caller's (a step's) may be long
        shortTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Stores the plan unless one is already stored (a restart after detection keeps the old one). */
    void plan(UUID jobId, List<WindowSpan> windows) {
        // all or nothing: a partial plan would be kept by a restart, and its missing windows lost
        shortTx.executeWithoutResult(s -> insertPlan(jobId, windows));
    }

    private void insertPlan(UUID jobId, List<WindowSpan> windows) {
        for (WindowSpan w : windows) {
            String pieces = w.pieces().size() == 1
                    ? null
                    : json.writeValueAsString(w.pieces().stream()
                            .map(p -> new int[] {p.startSample(), p.endSample()})
                            .toList());
            jdbc.sql("""
                            insert into job_window (job_id, idx, start_sample, end_sample, pieces, status)
                            values (?, ?, ?, ?, cast(? as jsonb), 'PENDING') on conflict do nothing""")
                    .params(jobId, w.index(), w.startSample(), w.endSample(), pieces)
                    .update();
        }
    }

    List<WindowSpan> all(UUID jobId) {
        return shortTx.execute(s -> jdbc.sql(
                        "select idx, start_sample, end_sample, pieces from job_window where job_id = ? order by idx")
                .param(jobId)
                .query((rs, n) -> span(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
                .list());
    }

    List<WindowSpan> pending(UUID jobId, int fromIndex, int toIndex) {
        return shortTx.execute(s -> jdbc.sql("""
                        select idx, start_sample, end_sample, pieces from job_window
                        where job_id = ? and idx between ? and ? and status = 'PENDING' order by idx""")
                .params(jobId, fromIndex, toIndex)
                .query((rs, n) -> span(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
                .list());
    }

    private WindowSpan span(int index, long start, long end, String pieces) {
        if (pieces == null) {
            return new WindowSpan(index, List.of(new SpeechWindow.Piece((int) start, (int) end)));
        }
        return new WindowSpan(
                index,
                json.readValue(pieces, PIECES).stream()
                        .map(p -> new SpeechWindow.Piece(p[0], p[1]))
                        .toList());
    }

    /** Commits one window's result at once, in its own transaction. */
    void complete(UUID jobId, WindowTranscript result, String workerId) {
        String segments = json.writeValueAsString(result.segments());
        shortTx.executeWithoutResult(s -> jdbc.sql("""
                        update job_window set status = 'DONE', attempts = attempts + 1, recognized_at = ?,
                            recognized_by = ?, language = ?, no_speech = ?, segments = cast(? as jsonb)
                        where job_id = ? and idx = ? and status = 'PENDING'""")
                .params(
                        Timestamp.from(clock.instant()),
                        workerId,
                        result.language(),
                        result.noSpeech(),
                        segments,
                        jobId,
                        result.windowIndex())
                .update());
    }

    List<RecognizedWindow> results(UUID jobId) {
        return jdbc.sql(
                        "select idx, language, no_speech, segments from job_window where job_id = ? and status = 'DONE' order by idx")
                .param(jobId)
                .query((rs, n) -> new RecognizedWindow(
                        rs.getInt(1), rs.getString(2), rs.getBoolean(3), json.readValue(rs.getString(4), SEGMENTS)))
                .list();
    }

    /**
     * Marks windows as handed to the recognizer. Windows pooled into one recognizer batch are
     * decoded together and commit together, so this is what moves while they are decoded.
     */
    void started(UUID jobId, List<Integer> indexes) {
        if (indexes.isEmpty()) {
            return;
        }
        shortTx.executeWithoutResult(s -> jdbc.sql(
                        "update job_window set started_at = ? where job_id = ? and idx = any(?) and status = 'PENDING'")
                .params(Timestamp.from(clock.instant()), jobId, indexes.toArray(Integer[]::new))
                .update());
    }

    /** Forgets which windows an earlier run had handed to the recognizer (they are pending again). */
    void unstarted(UUID jobId) {
        jdbc.sql(
                        "update job_window set started_at = null where job_id = ? and status = 'PENDING' and started_at is not null")
                .param(jobId)
                .update();
    }

    /** The job's planned windows in order, each with its state, for progress and the timeline. */
    List<RunProgress.PlannedWindow> planned(UUID jobId) {
        return jdbc.sql("""
                        select idx, start_sample, end_sample, pieces, status, started_at is not null
                        from job_window where job_id = ? order by idx""")
                .param(jobId)
                .query((rs, n) -> {
                    WindowSpan span = span(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getString(4));
                    RunProgress.PlannedWindow.State state = "DONE".equals(rs.getString(5))
                            ? RunProgress.PlannedWindow.State.DONE
                            : rs.getBoolean(6)
                                    ? RunProgress.PlannedWindow.State.RUNNING
                                    : RunProgress.PlannedWindow.State.PENDING;
                    return new RunProgress.PlannedWindow(
                            span.index(),
                            span.startSample() / 16_000.0,
                            span.endSample() / 16_000.0,
                            span.seconds(),
                            state);
                })
                .list();
    }

    WindowProgress progress(UUID jobId) {
        return jdbc.sql("select count(*) filter (where status = 'DONE'), count(*) from job_window where job_id = ?")
                .param(jobId)
                .query((rs, n) -> new WindowProgress(rs.getInt(1), rs.getInt(2)))
                .single();
    }

    void delete(UUID jobId) {
        jdbc.sql("delete from job_window where job_id = ?").param(jobId).update();
    }
}
