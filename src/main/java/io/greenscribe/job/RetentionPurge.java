package io.greenscribe.job;

import io.greenscribe.pipeline.TranscriptionPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enforces retention: deletes the uploaded audio and the transcripts whose time-to-live ran out,
 * and the work files of jobs that have ended. What is due is read from the job rows (expiry
 * instants set when each job ended), so a restart loses nothing; each batch is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and stamped deleted in the same transaction, so instances sharing
 * the database never purge the same job twice, and a delete repeated after a crash is harmless.
 */
class RetentionPurge implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    /** What one pass deleted. */
    record Purged(int audio, int transcripts, int workFiles) {}

    private record Due(UUID id, String audioPath) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TranscriptionPipeline pipeline;
    private final Clock clock;
    private final int batch;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "retention-purge");
        t.setDaemon(true);
        return t;
    });

    RetentionPurge(
            JdbcClient jdbc,
            TransactionTemplate tx,
            TranscriptionPipeline pipeline,
            Clock clock,
            RetentionProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.pipeline = pipeline;
        this.clock = clock;
        this.batch = Math.max(1, properties.purgeBatch());
        long every = Math.max(1000, properties.purgeInterval().toMillis());
        timer.scheduleWithFixedDelay(this::runQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** One pass over everything that is due now; the timer calls it, tests may too. */
    Purged runOnce() {
        int audio = 0;
        int transcripts = 0;
        int n;
        while ((n = audioBatch()) > 0) {
            audio += n;
        }
        while ((n = transcriptBatch()) > 0) {
            transcripts += n;
        }
        int work = workFiles();
        if (audio + transcripts + work > 0) {
            log.info(
                    "Retention: deleted the audio of {} job(s), {} transcript(s), {} work file(s)",
                    audio,
                    transcripts,
                    work);
        }
        return new Purged(audio, transcripts, work);
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("Retention purge failed; it runs again at the next interval: {}", e.toString());
        }
    }

    private int audioBatch() {
        return tx.execute(s -> {
            Instant now = clock.instant();
            List<Due> due = jdbc.sql("""
                            select id, audio_path from transcription_job
                            where audio_expires_at <= ? and audio_deleted_at is null and audio_owned
                              and status in ('SUCCEEDED', 'FAILED', 'CANCELLED')
                            order by audio_expires_at limit ? for update skip locked""")
                    .params(Timestamp.from(now), batch)
                    .query((rs, i) -> new Due(rs.getObject(1, UUID.class), rs.getString(2)))
                    .list();
            for (Due d : due) {
                deleteUpload(Path.of(d.audioPath()));
                // the version moves, so a retry read before this commit fails instead of running without audio
                jdbc.sql("update transcription_job set audio_deleted_at = ?, version = version + 1 where id = ?")
                        .params(Timestamp.from(now), d.id())
                        .update();
            }
            return due.size();
        });
    }

    private int transcriptBatch() {
        return tx.execute(s -> {
            Instant now = clock.instant();
            List<UUID> due = jdbc.sql("""
                            select id from transcription_job
                            where transcript_expires_at <= ? and transcript_deleted_at is null
                              and status in ('SUCCEEDED', 'FAILED', 'CANCELLED')
                            order by transcript_expires_at limit ? for update skip locked""")
                    .params(Timestamp.from(now), batch)
                    .query(UUID.class)
                    .list();
            for (UUID id : due) {
                pipeline.purge(id); // the transcript and the windows, whose segments hold the same text
                jdbc.sql("update transcription_job set transcript_deleted_at = ?, version = version + 1 where id = ?")
                        .params(Timestamp.from(now), id)
                        .update();
            }
            return due.size();
        });
    }

    /**
     * Work files (decoded PCM) on this instance whose job has ended: a run removes its own
     * when it ends, this catches a cancel, a crash or a run stopped on another instance.
     */
    private int workFiles() {
        Set<UUID> held = pipeline.jobsWithWorkFiles();
        if (held.isEmpty()) {
            return 0;
        }
        // only jobs this database knows to have ended: a file of an unknown id may belong to
        // another database's instance sharing the folder, and is left alone
        List<UUID> ended =
                jdbc.sql("""
                        select id from transcription_job
                        where id = any(?) and status in ('SUCCEEDED', 'FAILED', 'CANCELLED')""").param(held.toArray(UUID[]::new)).query(UUID.class).list();
        ended.forEach(pipeline::discardWorkFiles);
        return ended.size();
    }

    /** The upload and the per-job folder it was stored in (see {@code AudioInputs}); missing is fine. */
    private static void deleteUpload(Path file) {
        try {
            Files.deleteIfExists(file);
            Path dir = file.getParent();
            if (dir != null && Files.isDirectory(dir)) {
                try (var rest = Files.list(dir)) {
                    if (rest.findAny().isEmpty()) {
                        Files.delete(dir);
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("deleting " + file, e);
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
