package io.greenscribe.worker;

import static io.greenscribe.testing.JobRows.database;
import static io.greenscribe.testing.JobRows.done;
import static io.greenscribe.testing.JobRows.status;
import static io.greenscribe.testing.JobRows.transcript;
import static io.greenscribe.testing.JobRows.windows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.greenscribe.testing.AppProcess;
import io.greenscribe.testing.Http;
import io.greenscribe.testing.JobRows;
import io.greenscribe.testing.Models;
import io.greenscribe.testing.TestPostgres;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Interruptible jobs end to end, on real PostgreSQL and two server processes: a running job whose
 * planned stretch has ended pauses at a window boundary, keeps its finished windows through a
 * kill -9 of its instance while paused, and is resumed by another instance at its next stretch
 * with the transcript an uninterrupted run gives.
 *
 * <p>The plan's stretches are written by the test (one already over, the next 90 s ahead) rather
 * than by the global schedule, whose pieces {@code GlobalScheduleTests} checks: a forecast that makes
 * the schedule end a piece while this recording is half recognized would have to know how fast
 * this machine recognizes it.
 */
class PausedJobIntegrationTests {

    private static final String FILE = "long-form/audio/concat_dev_en.flac";

    @Test
    void aPausedJobKeepsItsWindowsThroughAKillAndResumesOnAnotherInstanceWithTheSameTranscript() throws Exception {
        Models.require("whisper-tiny.en");
        String url = TestPostgres.freshDatabase();
        JdbcClient db = database(url);
        List<String> args = AppProcess.windowByWindow();

        // given a first instance recognizing a long recording
        UUID paused;
        List<JobRows.Window> atPause;
        try (AppProcess first = AppProcess.start("first", url, args)) {
            Http api = new Http("http://localhost:" + first.port(), "gs_test_admin_key");
            paused = submit(api);
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> done(windows(db, paused)) >= 1);

            // when its plan says its stretch is over and the next one starts in 90 s
            db.sql("""
                            insert into job_run_piece (job_id, starts_at, ends_at) values
                              (?, now() - interval '10 minutes', now() - interval '1 second'),
                              (?, now() + interval '90 seconds', now() + interval '1 hour')""").params(paused, paused).update();

            // then it pauses at a window boundary, with windows left to do and the next stretch as its start
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> status(db, paused), "WAITING_FOR_WINDOW"::equals);
            atPause = windows(db, paused);
            assertThat(done(atPause)).as("paused mid-job").isLessThan(atPause.size());
            Http.Response view = api.get("/api/v1/jobs/" + paused);
            assertThat(view.json().path("scheduling").path("paused").asBoolean())
                    .as(view.status() + " " + view.json())
                    .isTrue();

            // and a kill -9 while it is paused loses nothing
            first.kill();
        }
        assertThat(status(db, paused)).isEqualTo("WAITING_FOR_WINDOW");
        assertThat(windows(db, paused)).isEqualTo(atPause);

        // then a second instance resumes it at its next stretch and finishes it
        try (AppProcess second = AppProcess.start("second", url, args)) {
            await().atMost(Duration.ofMinutes(8))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> status(db, paused), s -> s.equals("SUCCEEDED") || s.equals("FAILED"));
            assertThat(status(db, paused)).isEqualTo("SUCCEEDED");

            // and no window finished before the pause was recognized again
            List<JobRows.Window> after = windows(db, paused);
            assertThat(after).allMatch(w -> w.status().equals("DONE")).allMatch(w -> w.attempts() == 1);
            for (JobRows.Window before : atPause) {
                if (before.status().equals("DONE")) {
                    assertThat(after.get(before.index())).isEqualTo(before);
                }
            }
            assertThat(after).filteredOn(w -> w.recognizedBy().equals("second")).isNotEmpty();
            assertThat(events(db, paused))
                    .containsSubsequence(
                            "CLAIM QUEUED>RUNNING",
                            "PAUSE RUNNING>WAITING_FOR_WINDOW",
                            "PROMOTE WAITING_FOR_WINDOW>QUEUED",
                            "CLAIM QUEUED>RUNNING",
                            "SUCCEED RUNNING>SUCCEEDED");

            // and its transcript is the one an uninterrupted run of the same recording gives
            Http api = new Http("http://localhost:" + second.port(), "gs_test_admin_key");
            UUID whole = submit(api);
            await().atMost(Duration.ofMinutes(8))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> status(db, whole), s -> s.equals("SUCCEEDED") || s.equals("FAILED"));
            assertThat(transcript(db, paused)).isNotBlank().isEqualTo(transcript(db, whole));
        }
    }

    private static UUID submit(Http api) {
        Http.Response submitted = await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> api.postJson("/api/v1/jobs", Map.of("path", FILE)), r -> r.status() == 202);
        return UUID.fromString(submitted.json().path("id").asText());
    }

    private static List<String> events(JdbcClient db, UUID id) {
        return db.sql("select transition || ' ' || from_status || '>' || to_status from job_event"
                        + " where job_id = ? and from_status is not null order by id")
                .param(id)
                .query(String.class)
                .list();
    }
}
