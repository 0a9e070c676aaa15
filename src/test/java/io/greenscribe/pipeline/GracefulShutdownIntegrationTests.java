package io.greenscribe.pipeline;

import static io.greenscribe.testing.JobRows.database;
import static io.greenscribe.testing.JobRows.done;
import static io.greenscribe.testing.JobRows.status;
import static io.greenscribe.testing.JobRows.windows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.greenscribe.testing.AppProcess;
import io.greenscribe.testing.Http;
import io.greenscribe.testing.JobRows;
import io.greenscribe.testing.Models;
import io.greenscribe.testing.SharedData;
import io.greenscribe.testing.TestPostgres;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A server process stopped with SIGTERM while it runs jobs (a rolling deploy) hands every one back
 * to the queue with its finished windows, fails none, and another process finishes them without
 * recognizing a finished window again. While the jobs run, no database connection sits idle in a
 * transaction: recognition holds none.
 */
class GracefulShutdownIntegrationTests {

    @Test
    void sigtermHandsRunningJobsBackAndNoConnectionIsHeldAcrossRecognition() throws Exception {
        Models.require("whisper-tiny.en");
        String url = TestPostgres.freshDatabase();
        JdbcClient db = database(url);
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        List<String> args = List.of(
                "--greenscribe.queue.poll-interval=200ms",
                "--greenscribe.queue.concurrent-jobs=2",
                "--greenscribe.jobs.allowed-roots=" + SharedData.speech(""),
                "--greenscribe.pipeline.batch-size=2",
                "--greenscribe.pipeline.grid-size=1",
                // this shared test machine takes up to a minute for a batch; the default (20 s) would
                // abandon it, and here the path under test is the window that finishes
                "--greenscribe.queue.shutdown-grace=90s");

        // given a server running two long recordings
        List<UUID> jobs = new ArrayList<>();
        List<JobRows.Window> finishedAtStop;
        List<String> heldInTransaction = new CopyOnWriteArrayList<>();
        try (AppProcess first = AppProcess.start("first", url, args)) {
            Http api = new Http("http://localhost:" + first.port(), "gs_test_admin_key");
            for (String file :
                    List.of("long-form/audio/concat_dev_en.flac", "long-form/audio/concat_dev_en_sparse.flac")) {
                Http.Response submitted = await().atMost(Duration.ofMinutes(6))
                        .pollInterval(Duration.ofMillis(500))
                        .ignoreExceptions()
                        .until(() -> api.postJson("/api/v1/jobs", Map.of("path", file)), r -> r.status() == 202);
                jobs.add(UUID.fromString(submitted.json().path("id").asText()));
            }

            // while they run, every connection of this database is sampled: none may sit in a
            // transaction for more than a second
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        heldInTransaction.addAll(idleInTransaction(db, database));
                        return jobs.stream().allMatch(id -> done(windows(db, id)) >= 2);
                    });
            assertThat(jobs).allMatch(id -> status(db, id).equals("RUNNING"));
            assertThat(heldInTransaction)
                    .as("connections idle in a transaction for over 1 s")
                    .isEmpty();

            // when it is stopped with SIGTERM mid-job
            assertThat(first.terminate(Duration.ofSeconds(150)))
                    .as("exited by itself")
                    .isTrue();
            String log = Files.readString(first.log());
            assertThat(log)
                    .contains("asking 2 running job(s) to stop")
                    .doesNotContain("still running after")
                    .doesNotContain("InterruptedException");
            finishedAtStop = jobs.stream()
                    .flatMap(id -> windows(db, id).stream())
                    .filter(w -> w.status().equals("DONE"))
                    .toList();
        }

        // then both are back in the queue, lease released, not failed, finished windows kept
        for (UUID id : jobs) {
            Map<String, Object> row = db.sql(
                            "select status, worker_id, lease_until, error from transcription_job where id = ?")
                    .param(id)
                    .query()
                    .singleRow();
            assertThat(row.get("status")).isEqualTo("QUEUED");
            assertThat(row.get("worker_id")).isNull();
            assertThat(row.get("lease_until")).isNull();
            assertThat(row.get("error")).isNull();
            assertThat(done(windows(db, id))).isGreaterThanOrEqualTo(2);
        }

        // and a second server finishes them, recognizing no finished window again
        try (AppProcess second = AppProcess.start("second", url, args)) {
            await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> jobs.stream()
                            .map(id -> status(db, id))
                            .allMatch(s -> s.equals("SUCCEEDED") || s.equals("FAILED")));
        }
        assertThat(jobs).allMatch(id -> status(db, id).equals("SUCCEEDED"));
        for (JobRows.Window before : finishedAtStop) {
            assertThat(before.recognizedBy()).isEqualTo("first");
        }
        List<JobRows.Window> after =
                jobs.stream().flatMap(id -> windows(db, id).stream()).toList();
        assertThat(after).allMatch(w -> w.attempts() == 1);
        assertThat(after).containsAll(finishedAtStop);
    }

    private static List<String> idleInTransaction(JdbcClient db, String database) {
        return db.sql("""
                        select pid || ' ' || coalesce(application_name, '') || ': ' || left(query, 120) from pg_stat_activity
                        where datname = ? and state like 'idle in transaction%' and now() - state_change > interval '1 second'""").param(database).query(String.class).list();
    }
}
